import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// CI mode, the run history and the task logs.
@Suite struct RecordTests {
  @Test func ciModeGroupsOutputAndAnnotatesFailures() {
    let fixture = Fixture([
      "tasks/main.yaml": "tasks:\n  ok: {run: echo fine}\n  bad: {run: 'echo broken; exit 2'}\n"
    ])
    let run = fixture.run(
      ["-k", "run", "ok", ":::", "bad"],
      environment: ["CI": "true", "GITHUB_STEP_SUMMARY": fixture.root + "/summary.md"])
    #expect(run.status == 2)
    // Markers and output share stdout, so each group holds exactly its own task's lines.
    #expect(run.stdout.contains("::group::ok\nfine\n::endgroup::"), "\(run.stdout)")
    #expect(run.stdout.contains("::group::bad\nbroken\n::endgroup::"), "\(run.stdout)")
    #expect(
      run.stdout.contains("::error file=tasks/main.yaml,line=3,col=3,title=task bad failed::"))
    let summary = fixture.read("summary.md") ?? ""
    #expect(summary.contains("| task | status | duration | detail |"))
    #expect(summary.contains("| `bad` | ❌ failed |"))
  }

  @Test func everyRunIsRecordedAndItsLogsKept() {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  hello: {run: echo hello-from-the-log}\n"])
    #expect(fixture.run(["hello"]).status == 0)
    let history = fixture.run(["history", "--json"])
    #expect(history.stdout.contains("\"status\": \"ok\""))
    #expect(history.stdout.contains("\"command\": \"blumeops hello\""))
    #expect(history.stdout.contains("\"user\": \"tester\""))
    #expect(fixture.run(["logs", "last", "hello"]).stdout.contains("hello-from-the-log"))
    #expect(fixture.read(".blumeops/.gitignore") == "*\n")
  }

  @Test func aSilentTaskLeavesNoLogFileAndReadsAsEmpty() {
    let fixture = Fixture([
      "tasks/main.yaml":
        "tasks:\n  quiet: {run: 'true'}\n  loud: {depends: [quiet], run: echo hi}\n"
    ])
    #expect(fixture.run(["loud"]).status == 0)
    let listing = fixture.run(["logs"])
    #expect(listing.stdout.contains("loud"))
    #expect(!listing.stdout.contains("quiet"))
    let quiet = fixture.run(["logs", "last", "quiet"])
    #expect(quiet.status == 0 && quiet.stdout.isEmpty, "\(quiet.output)")
    #expect(fixture.run(["logs", "last", "nosuch"]).status == 2)
  }

  @Test func onlyTheLatestRunsKeepTheirLogs() throws {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  hello: {run: echo hello-again}\n"])
    for _ in 0...100 { #expect(fixture.run(["hello"]).status == 0) }
    let history = fixture.read(".blumeops/history.jsonl") ?? ""
    let first = try #require(history.split(separator: "\"id\":\"").dropFirst().first)
    let firstID = String(first.prefix { $0 != "\"" })
    let pruned = fixture.run(["logs", firstID, "hello"])
    #expect(pruned.status == 2)
    #expect(pruned.stderr.contains("have been removed: only the last 100 runs"), "\(pruned.output)")
    #expect(fixture.run(["logs", "last", "hello"]).stdout.contains("hello-again"))
    // The history itself keeps every run.
    #expect(fixture.run(["history", "-n", "500"]).stdout.contains(firstID))
  }

  @Test func aKilledRunReadsAsInterrupted() {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  long: {run: 'sleep 3031'}\n"])
    let running = fixture.start(["long"])
    for _ in 0..<100 where processesMatching("sleep 3031").isEmpty { usleep(50_000) }
    running.signal(SIGKILL)
    _ = running.wait()
    for pid in processesMatching("sleep 3031") { kill(pid, SIGKILL) }
    let history = fixture.run(["history"])
    #expect(history.stdout.contains("interrupted"), "\(history.output)")
  }

  @Test func anInterruptedRunIsRecordedAsSuch() {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  long: {run: 'sleep 3032'}\n"])
    let running = fixture.start(["long"])
    for _ in 0..<100 where processesMatching("sleep 3032").isEmpty { usleep(50_000) }
    running.signal(SIGINT)
    #expect(running.wait().status == 130)
    #expect(fixture.run(["history", "--json"]).stdout.contains("\"status\": \"interrupted\""))
  }
}
