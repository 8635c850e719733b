import Glibc
import Testing

/// A full, missing or broken `.blumeops/`: the run goes on as if nothing happened, but says once
/// that its history or logs are not kept; a torn record never swallows the next.
@Suite struct StorageFailureTests {
  static let tasks = "tasks:\n  hello: {run: echo hello-there}\n  quiet: {run: 'true'}\n"

  @Test func aFullDiskForTheHistoryWarnsOnceAndTheRunGoesOn() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    mkdir(fixture.root + "/.blumeops", 0o755)
    // Every write to /dev/full fails with ENOSPC, as on a full disk.
    symlink("/dev/full", fixture.root + "/.blumeops/history.jsonl")
    let run = fixture.run(["hello"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("hello-there"))
    let warnings = run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }
    #expect(
      warnings == [
        "warning: the run history and task logs not kept: cannot write .blumeops/history.jsonl: no space left on device"
      ], "\(run.stderr)")
    #expect(!fixture.exists(".blumeops/logs"), "no logs without a history")
    let failing = Fixture(["tasks/main.yaml": "tasks:\n  fail: {run: 'exit 7'}\n"])
    mkdir(failing.root + "/.blumeops", 0o755)
    symlink("/dev/full", failing.root + "/.blumeops/history.jsonl")
    #expect(failing.run(["fail"]).status == 7, "the exit status is the task's")
  }

  @Test func aStateFolderThatIsAFileWarnsAndTheRunGoesOn() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks, ".blumeops": "not a folder\n"])
    let run = fixture.run(["hello"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("hello-there"))
    #expect(
      run.stderr.contains(
        "warning: the run history and task logs not kept: cannot write .blumeops: not a directory"),
      "\(run.stderr)")
  }

  @Test func unwritableLogsWarnOnceWhileTheHistoryIsKept() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    mkdir(fixture.root + "/.blumeops", 0o755)
    symlink("/dev/null", fixture.root + "/.blumeops/logs")
    let run = fixture.run(["-j", "1", "run", "hello", ":::", "hello"])
    #expect(run.status == 0, "\(run.output)")
    let warnings = run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }
    #expect(warnings.count == 1, "\(run.stderr)")
    #expect(
      warnings.first?.hasPrefix("warning: task logs not kept: cannot write .blumeops/logs/") == true
    )
    #expect(fixture.run(["history"]).stdout.contains("blumeops -j 1 run hello ::: hello"))
  }

  @Test func aTornRecordIsSkippedAndTheNextRunStartsOnItsOwnLine() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    #expect(fixture.run(["quiet"]).status == 0)
    // A record cut short by a full disk: no closing brace, no line break.
    let history = fixture.root + "/.blumeops/history.jsonl"
    let torn =
      (fixture.read(".blumeops/history.jsonl") ?? "") + "{\"event\":\"start\",\"id\":\"2026"
    #expect(Fixture.write(torn, to: history))
    #expect(fixture.run(["hello"]).status == 0)
    let runs = fixture.run(["history", "--json"])
    #expect(runs.status == 0, "\(runs.output)")
    #expect(runs.stdout.contains("blumeops quiet") && runs.stdout.contains("blumeops hello"))
    let lines = (fixture.read(".blumeops/history.jsonl") ?? "").split(separator: "\n")
    #expect(lines.filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.count == 4, "\(lines)")
  }

  @Test func anEmptiedGitignoreIsRepaired() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    #expect(fixture.run(["quiet"]).status == 0)
    #expect(Fixture.write("", to: fixture.root + "/.blumeops/.gitignore"))
    #expect(fixture.run(["quiet"]).status == 0)
    #expect(fixture.read(".blumeops/.gitignore") == "*\n")
  }

  @Test func anInvalidLogBudgetIsRefusedBeforeAnythingRuns() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let run = fixture.run(["hello"], environment: ["BLUMEOPS_LOG_BUDGET": "lots"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("invalid BLUMEOPS_LOG_BUDGET `lots`"), "\(run.stderr)")
    #expect(!run.stdout.contains("hello-there"))
  }
}
