import Testing

/// `blumeops doctor`: aligned tables, passing checks shown as passing, and an exit status that
/// depends only on what the named tasks need.
@Suite struct DoctorTests {
  static let tasks = """
    tasks:
      deploy: {depends: [build], requires: [bash], run: echo deploy}
      build: {requires: ["bash>=3"], preconditions: [{sh: 'true', message: build needs src}], run: echo}
      bench: {requires: [no-such-benchmark-tool], run: echo}
    """

  @Test func aNamedTaskIsCheckedWithWhatItWouldRunAndNothingElse() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let run = fixture.run(["doctor", "deploy"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("deploy, build"), "bash is needed by both: \(run.stdout)")
    #expect(run.stdout.contains("\nok    build  true\n"))
    #expect(!run.stdout.contains("no-such-benchmark-tool"))
    #expect(run.stdout.hasSuffix("all checks passed\n"))
  }

  @Test func everyTaskIsCheckedWhenNoneIsNamed() {
    let run = Fixture(["tasks/main.yaml": Self.tasks]).run(["doctor"])
    #expect(run.status == 3)
    #expect(run.stdout.contains("\nFAIL  no-such-benchmark-tool  any       missing  -"))
    #expect(run.stdout.hasSuffix("some checks failed\n"))
  }

  @Test func theColumnsOfBothTablesLineUp() {
    let run = Fixture(["tasks/main.yaml": Self.tasks]).run(["doctor"])
    let lines = run.stdout.split(separator: "\n")
    let headers = lines.filter { $0.hasPrefix("      ") }
    #expect(headers.count == 2, "\(run.stdout)")
    for line in lines where !line.isEmpty && !line.hasPrefix("all") && !line.hasPrefix("some") {
      #expect(line.dropFirst(6).first != " ", "the second column starts at 7: \(line)")
    }
  }
}
