import Glibc
import Testing

/// A gated task applies only what its preview showed and was confirmed: the plan file the preview
/// wrote, unchanged, after a confirmation that quoted the preview's summary.
@Suite struct PreviewGateTests {
  static let tasks = """
    tasks:
      tailnet-up:
        secrets: {TS_TOKEN: 'env:FAKE_TOKEN'}
        confirm: {message: Apply to the live tailnet?, expect: tail8d86e}
        preview: pulumi preview --stack tail8d86e --save-plan "$BLUMEOPS_PLAN"
        run: pulumi up --stack tail8d86e --plan "$BLUMEOPS_PLAN" --yes
      provision-indri:
        preview: ansible-playbook playbooks/indri.yml --check --diff
        run: ansible-playbook playbooks/indri.yml
    """

  /// pulumi: `preview` writes the plan (`$FAKE_PLAN`) and prints `$FAKE_SUMMARY`; `up` records
  /// the plan it was given and its digest. ansible-playbook prints a recap with `$FAKE_CHANGED`.
  static func fixture() -> Fixture {
    Fixture([
      "tasks/main.yaml": tasks,
      "bin/pulumi*": """
      #!/bin/bash
      echo "pulumi $*" >> "$BLUMEOPS_ROOT/calls.log"
      plan=""; args=("$@")
      for ((i = 0; i < ${#args[@]}; i++)); do
        case "${args[i]}" in --save-plan|--plan) plan=${args[i+1]};; esac
      done
      case "$1" in
        preview)
          printf '%s\\n' "${FAKE_PLAN:-plan for $TS_TOKEN}" > "$plan"
          echo "token in use: $TS_TOKEN"
          printf 'Resources:\\n%b\\n' "${FAKE_SUMMARY:-    + 2 to create\\n    ~ 1 to update\\n    5 unchanged}"
          exit "${FAKE_PREVIEW_EXIT:-0}" ;;
        up) echo "applied plan $(sha256sum "$plan" | cut -d' ' -f1)" >> "$BLUMEOPS_ROOT/calls.log" ;;
      esac
      """,
      "bin/ansible-playbook*": """
      #!/bin/bash
      echo "ansible-playbook $*" >> "$BLUMEOPS_ROOT/calls.log"
      echo "PLAY RECAP *****"
      echo "indri : ok=12 changed=${FAKE_CHANGED:-2} unreachable=0 failed=0"
      """,
    ])
  }

  static let secret = ["FAKE_TOKEN": "tskey-s3cr3t-value"]

  @Test func theApplyGetsExactlyThePlanThePreviewWrote() throws {
    let fixture = Self.fixture()
    let run = fixture.run(["--confirm", "tail8d86e", "tailnet-up"], environment: Self.secret)
    #expect(run.status == 0, "\(run.output)")
    let calls = fixture.read("calls.log") ?? ""
    let lines = calls.split(separator: "\n")
    #expect(lines.count == 3, "\(calls)")
    let planFlag = try #require(lines.first?.split(separator: " ").last)
    #expect(lines[1].hasSuffix("--plan \(planFlag) --yes"), "the same plan file: \(calls)")
    let digest = try #require(lines[2].split(separator: " ").last)
    let history = fixture.run(["history", "--json"]).stdout
    #expect(history.contains("\"plan_sha256\": \"\(digest)\""), "the same digest: \(history)")
    #expect(history.contains("\"confirmed\": \"--confirm\""))
    #expect(history.contains("\"summary\": \"+ 2 to create, ~ 1 to update\""))
    #expect(history.contains("\"applied\": true"))
  }

  @Test func aPreviewWithNothingToChangeEndsTheRunWithoutAsking() {
    let fixture = Self.fixture()
    let run = fixture.start(
      ["tailnet-up"], environment: Self.secret.merging(["FAKE_SUMMARY": "    7 unchanged"]) { $1 },
      throughTerminal: true, stdinStaysOpen: true
    ).wait()
    #expect(run.status == 0, "\(run.output)")
    #expect(run.output.contains("nothing to apply: no changes (7 unchanged)"))
    #expect(!run.output.contains("type `tail8d86e`"), "no prompt")
    #expect(!(fixture.read("calls.log") ?? "").contains("pulumi up"))
  }

  @Test func aFailedPreviewStopsTheRunWithItsStatusAndAppliesNothing() {
    let fixture = Self.fixture()
    let run = fixture.run(
      ["--confirm", "tail8d86e", "tailnet-up"],
      environment: Self.secret.merging(["FAKE_PREVIEW_EXIT": "4"]) { $1 })
    #expect(run.status == 4, "\(run.output)")
    #expect(!(fixture.read("calls.log") ?? "").contains("pulumi up"))
  }

  @Test(arguments: [
    (["--confirm", "tail8d86e-typo", "tailnet-up"], [:], "`--confirm` does not give the word"),
    (["tailnet-up"], ["CI": "true"], "asks for a typed word and there is no terminal"),
    (["-y", "tailnet-up"], [:], "`--yes` answers yes/no questions only"),
    (["provision-indri"], ["CI": "true"], "needs confirmation but there is no terminal"),
  ])
  func whatCannotBeConfirmedRefusesWithThreeBeforeAnythingRuns(
    _ words: [String], _ environment: [String: String], _ message: String
  ) {
    let fixture = Self.fixture()
    let run = fixture.run(words, environment: Self.secret.merging(environment) { $1 })
    #expect(run.status == 3, "\(run.output)")
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(fixture.read("calls.log") == nil, "not even the preview ran")
  }

  @Test func theTerminalPromptQuotesThePreviewAndTheTypedWordApplies() throws {
    let fixture = Self.fixture()
    let running = fixture.start(
      ["tailnet-up"], environment: Self.secret, throughTerminal: true, stdinStaysOpen: true)
    try running.waitForOutput(containing: "type `tail8d86e` to apply:")
    let screen = Fixture.read(running.stdoutPath) ?? ""
    #expect(screen.contains("? Apply to the live tailnet?"))
    #expect(screen.contains("the preview says: + 2 to create, ~ 1 to update"))
    #expect(!(fixture.read("calls.log") ?? "").contains("pulumi up"), "nothing applied yet")
    running.type("tail8d86e\n")
    let run = running.wait()
    #expect(run.status == 0, "\(run.output)")
    #expect((fixture.read("calls.log") ?? "").contains("pulumi up"))
    #expect(fixture.run(["history", "--json"]).stdout.contains("\"confirmed\": \"typed\""))
  }

  /// Also when `sha256sum`, which only gives the record its digest, fails.
  @Test(arguments: [false, true])
  func aPlanChangedWhileTheOperatorReadsIsRefused(digestFails: Bool) throws {
    let fixture = Self.fixture()
    if digestFails { fixture.add("bin/sha256sum*", "#!/bin/sh\nexit 1\n") }
    let running = fixture.start(
      ["tailnet-up"], environment: Self.secret, throughTerminal: true, stdinStaysOpen: true)
    try running.waitForOutput(containing: "type `tail8d86e` to apply:")
    let plans = fixture.root + "/.blumeops/logs"
    let run = try #require(FileSystemListing.names(plans).first)
    #expect(Fixture.write("a different plan\n", to: "\(plans)/\(run)/plans/tailnet-up.plan"))
    running.type("tail8d86e\n")
    let result = running.wait()
    #expect(result.status == 3, "\(result.output)")
    #expect(result.output.contains("the plan file changed after the preview: nothing applied"))
    #expect(!(fixture.read("calls.log") ?? "").contains("pulumi up"))
  }

  @Test func aWrongWordAtThePromptAppliesNothing() throws {
    let fixture = Self.fixture()
    let running = fixture.start(
      ["tailnet-up"], environment: Self.secret, throughTerminal: true, stdinStaysOpen: true)
    try running.waitForOutput(containing: "to apply:")
    running.type("tail8d86\n")
    let run = running.wait()
    #expect(run.status == 3, "\(run.output)")
    #expect(run.output.contains("not confirmed: nothing applied"))
    #expect(!(fixture.read("calls.log") ?? "").contains("pulumi up"))
  }

  @Test func passThroughWordsGoToThePreviewAndTheApply() {
    let fixture = Self.fixture()
    let run = fixture.run(["-y", "provision-indri", "--", "--tags", "zot"])
    #expect(run.status == 0, "\(run.output)")
    #expect(
      fixture.read("calls.log")
        == """
        ansible-playbook playbooks/indri.yml --check --diff --tags zot
        ansible-playbook playbooks/indri.yml --tags zot

        """)
    #expect(fixture.run(["history"]).stdout.contains("changed=2 on 1 host"))
  }

  @Test func previewOnlyRunsThePreviewAndStops() {
    let fixture = Self.fixture()
    let run = fixture.run(["--preview-only", "provision-indri"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.output.contains("preview only: nothing applied"))
    #expect(fixture.read("calls.log") == "ansible-playbook playbooks/indri.yml --check --diff\n")
  }

  @Test func noSecretReachesTheShownPreviewTheLogsOrTheHistory() throws {
    let fixture = Self.fixture()
    let run = fixture.run(
      ["--confirm", "tail8d86e", "tailnet-up"],
      environment: Self.secret.merging(["FAKE_SUMMARY": "    + 1 to create tskey-s3cr3t-value"]) {
        $1
      })
    #expect(run.status == 0, "\(run.output)")
    #expect(run.output.contains("token in use: ****"))
    let logs = fixture.run(["logs", "last", "tailnet-up"])
    #expect(logs.stdout.contains("token in use: ****"), "\(logs.output)")
    for text in [run.output, logs.stdout, fixture.read(".blumeops/history.jsonl") ?? ""] {
      #expect(!text.contains("s3cr3t"), "\(text)")
    }
  }
}

extension RunningBinary {
  /// Waits (at most a minute) until the terminal shows `text`.
  func waitForOutput(containing text: String) throws {
    for _ in 0..<1200 {
      if (Fixture.read(stdoutPath) ?? "").contains(text) { return }
      usleep(50_000)
    }
    throw OutputNeverShown(text: text, screen: Fixture.read(stdoutPath) ?? "")
  }

  /// Types at the terminal.
  func type(_ text: String) {
    _ = text.withCString { write(openStdin, $0, strlen($0)) }
  }
}

struct OutputNeverShown: Error, CustomStringConvertible {
  let text: String
  let screen: String
  var description: String { "never shown: \(text)\n\(screen)" }
}

enum FileSystemListing {
  static func names(_ path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) {
        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }
}
