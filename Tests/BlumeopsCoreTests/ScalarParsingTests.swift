import Testing

@testable import BlumeopsCore

/// The small parsers task files go through, read byte by byte.
@Suite struct ScalarParsingTests {
  @Test(arguments: [
    ("90s", 90_000), ("10m", 600_000), ("1h30m", 5_400_000), ("500ms", 500), ("2.5s", 2_500),
  ])
  func readsDurations(_ text: String, _ milliseconds: Int64) {
    #expect(Duration.parse(text) == .milliseconds(milliseconds))
  }

  @Test(arguments: ["", "s", "10", "10x", "5 minutes", "0s", "1h 30m", "١٠s", "10é"])
  func refusesWhatIsNotADuration(_ text: String) {
    #expect(Duration.parse(text) == nil)
  }

  @Test func splitsToolsFromTheirConstraints() {
    #expect(VersionConstraint.split("kubectl")! == ("kubectl", nil))
    #expect(
      VersionConstraint.split(" ansible-playbook >= 2.15 ")! == (
        "ansible-playbook", VersionConstraint(.atLeast, [2, 15])
      ))
    #expect(VersionConstraint.split("op<3")! == ("op", VersionConstraint(.less, [3])))
    #expect(
      VersionConstraint.split("just=1.2.3")! == ("just", VersionConstraint(.equal, [1, 2, 3])))
    #expect(VersionConstraint.split(">=1") == nil)
    #expect(VersionConstraint.split("tool>=x") == nil)
    #expect(VersionConstraint.split("") == nil)
  }

  @Test(arguments: [
    (" a ", "a"), ("a", "a"), ("\ta b\n", "a b"), ("", ""), ("  ", ""),
    ("\u{00A0}é\u{00A0}", "é"), ("é", "é"),
  ])
  func trimsSpaces(_ text: String, _ trimmed: String) {
    #expect(text.trimmingSpaces() == trimmed)
  }

  @Test func findsPlaceholdersAndLeavesOtherBracesAlone() {
    #expect(Template("a {{ x }} b").segments == [.text("a "), .parameter("x"), .text(" b")])
    #expect(Template("{{x}}{{ y-z }}").segments == [.parameter("x"), .parameter("y-z")])
    #expect(
      Template("{{.Status}} {{ x }}").segments == [
        .text("{{.Status}}"), .text(" "), .parameter("x"),
      ])
    #expect(Template("é {{ x }} ü").segments == [.text("é "), .parameter("x"), .text(" ü")])
    #expect(Template("{ { x } }").segments == [.text("{ { x } }")])
    #expect(Template("}} {{ x").segments == [.text("}} {{ x")])
  }
}

@Suite struct TaskNameTests {
  @Test(arguments: ["a", "docs-check", "provision_indri", "k8s:sync", "a:b:c", "0day", "x-1:y_2"])
  func acceptsLowercaseNamesWithNamespaces(_ name: String) {
    #expect(TaskValidator.isValidName(name))
  }

  @Test(arguments: ["", ":", "a:", ":a", "a::b", "-a", "_a", "a:-b", "Deploy", "a b", "é", "a.b"])
  func refusesEverythingElse(_ name: String) {
    #expect(!TaskValidator.isValidName(name))
  }
}
