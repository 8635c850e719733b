import Testing

@testable import BlumeopsCore

@Suite struct PreviewSummaryTests {
  @Test func pulumiChangesAreQuotedAsPulumiCountsThem() {
    let output = """
      Previewing update (tail8d86e):
           Type                         Name       Plan
       ~   tailscale:index:Acl          policy     update
       +   tailscale:index:DnsNameservers  ns      create

      Resources:
          + 2 to create
          ~ 1 to update
          5 unchanged
      """
    #expect(
      PreviewSummary.read(output)
        == PreviewSummary(line: "+ 2 to create, ~ 1 to update", changes: true))
  }

  @Test func pulumiWithNothingToDoSaysNoChanges() {
    let output = "Resources:\n    7 unchanged\n"
    #expect(
      PreviewSummary.read(output)
        == PreviewSummary(line: "no changes (7 unchanged)", changes: false))
  }

  @Test func theAnsibleRecapIsSummedOverHosts() {
    let output = """
      PLAY RECAP *********************************************************************
      indri                      : ok=12   changed=2    unreachable=0    failed=0    skipped=3
      sifaka                     : ok=4    changed=0    unreachable=0    failed=0    skipped=0
      """
    #expect(
      PreviewSummary.read(output) == PreviewSummary(line: "changed=2 on 2 hosts", changes: true))
    let quiet = "indri : ok=12 changed=0 unreachable=0 failed=0\n"
    #expect(
      PreviewSummary.read(quiet) == PreviewSummary(line: "changed=0 on 1 host", changes: false))
  }

  @Test func colourCodesDoNotHideTheSummary() {
    let output = "\u{1B}[1mResources:\u{1B}[0m\n    \u{1B}[32m+ 1 to create\u{1B}[0m\n"
    #expect(PreviewSummary.read(output)?.line == "+ 1 to create")
  }

  @Test func outputOfAnotherToolHasNoSummary() {
    #expect(PreviewSummary.read("would stop 2 machines\n") == nil)
  }
}
