import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// In CI, task-file errors, docs findings and failed tasks become workflow commands on the file
/// and line, with paths from the repository root; the step summary says how every task went.
@Suite struct CIAnnotationTests {
  @Test func aTaskFileErrorIsAnnotatedFromTheRepositoryRoot() {
    let fixture = Fixture([
      "ops/tasks/main.yaml": "tasks:\n  deploy:\n    depends: [provison]\n  provision: echo\n"
    ])
    mkdir(fixture.root + "/.git", 0o755)
    let run = fixture.run(["deploy"], in: "ops", environment: ["GITHUB_ACTIONS": "true"])
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "::error file=ops/tasks/main.yaml,line=3,col=15::unknown dependency `provison` of task "
          + "`deploy`%0Ahelp: did you mean `provision`?"), "\(run.stderr)")
    let validate = fixture.run(["tasks", "validate"], in: "ops", environment: ["CI": "true"])
    #expect(validate.stderr.contains("::error file=ops/tasks/main.yaml,line=3,col=15::"))
  }

  @Test func outsideCINoAnnotationIsPrinted() {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  deploy:\n    depends: [provison]\n"])
    let run = fixture.run(["deploy"])
    #expect(run.status == 2)
    #expect(!run.output.contains("::error"))
  }

  @Test func aShadowedTaskIsAWarningAnnotation() {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  history: echo hi\n"])
    let run = fixture.run(["tasks", "validate"], environment: ["CI": "true"])
    #expect(run.status == 0)
    #expect(run.stderr.contains("::warning file=tasks/main.yaml,line=2,col=3::"), "\(run.stderr)")
  }

  @Test func everyDocsFindingIsAnnotatedOnItsDocAndLine() {
    let fixture = DocsTaskTests.fixture()
    let run = fixture.run(["docs-check"], environment: ["CI": "true"])
    #expect(run.status == 1, "\(run.output)")
    #expect(
      run.stdout.contains(
        "::error file=docs/index.md,line=9::broken link `[[nowhere]]`: no doc has that stem"),
      "\(run.stdout)")
    let json = fixture.run(
      ["docs-check-links", "--format", "json"], environment: ["CI": "true"])
    // JSON stays JSON: only the failed task's own annotation follows it.
    #expect(!json.stdout.contains("::error file=docs/"), "\(json.stdout)")
  }

  @Test func aFailedTaskIsAnnotatedAtItsDefinitionAndNamesItsLog() {
    let fixture = Fixture([
      "tasks/main.yaml": "tasks:\n  ok: {run: echo fine}\n  bad: {run: 'echo broken; exit 2'}\n"
    ])
    let run = fixture.run(["-k", "run", "ok", ":::", "bad"], environment: ["CI": "true"])
    #expect(run.status == 2)
    let line = run.stdout.split(separator: "\n").first { $0.hasPrefix("::error") } ?? ""
    #expect(
      line.hasPrefix(
        "::error file=tasks/main.yaml,line=3,col=3,title=task bad failed::bad exited 2"),
      "\(run.stdout)")
    #expect(line.contains("; log: .blumeops/logs/"), "\(line)")
    let log = line.split(separator: "log: ").last.map(String.init) ?? ""
    #expect(fixture.read(log)?.contains("broken") == true, "\(log)")
  }

  @Test func theStepSummarySaysHowEveryTaskWentAndWhyOnesWereSkipped() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        bad: {run: 'exit 3'}
        after-bad: {depends: [bad], run: echo never}
        ok: {run: echo fine}
        all: {depends: [after-bad, ok]}
      """
    ])
    let summaryPath = fixture.root + "/summary.md"
    let run = fixture.run(
      ["-k", "all"], environment: ["GITHUB_STEP_SUMMARY": summaryPath])
    #expect(run.status == 3)
    let summary = fixture.read("summary.md") ?? ""
    #expect(summary.contains("### blumeops: failed (exit 3)"), "\(summary)")
    #expect(summary.contains("| task | status | duration | detail |"))
    #expect(summary.contains("| `bad` | ❌ failed |"), "\(summary)")
    #expect(summary.contains("| exited 3 |"), "\(summary)")
    #expect(
      summary.contains("| `after-bad` | ⏭️ skipped |  | dependency `bad` failed |"), "\(summary)")
    #expect(summary.contains("| `all` | ⏭️ skipped |  | dependency `after-bad` skipped |"))
    #expect(summary.contains("| `ok` | ✅ succeeded |"))
  }
}
