import Testing

/// The options of the docs built-ins are checked with the plan, before anything runs.
@Suite struct BuiltinOptionTests {
  static let tasks = """
    tasks:
      first: {run: touch first-ran}
      docs-review:
        depends: [first]
        builtin: docs-review
        flags: {limit: {type: int, default: "15"}}
    """

  @Test func aNegativeLimitIsInvalidInputAndNothingRunsOrIsRecorded() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks, "docs/index.md": "# Home\n"])
    for arguments in [["docs-review", "--limit", "-5"], ["-n", "docs-review", "--limit", "0"]] {
      let run = fixture.run(arguments)
      #expect(run.status == 2, "\(run.output)")
      #expect(
        run.stderr.hasPrefix("error: invalid value `"),
        "\(run.stderr)")
      #expect(run.stderr.contains("for `--limit` of task `docs-review`: expected a whole number"))
    }
    #expect(!fixture.exists("first-ran"))
    #expect(!fixture.exists(".blumeops/history.jsonl"))
  }

  @Test func aValidLimitRuns() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks, "docs/index.md": "# Home\n"])
    let run = fixture.run(["docs-review", "--limit", "1"])
    #expect(run.status == 0, "\(run.output)")
    #expect(fixture.exists("first-ran"))
  }
}
