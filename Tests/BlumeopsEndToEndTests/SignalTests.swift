import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Every signal that can end blumeops ends its tasks too, and keeps their locks honest.
@Suite(.serialized) struct SignalTests {
  func waitFor(_ marker: String, count: Int) {
    for _ in 0..<200 where processesMatching(marker).count < count { usleep(50_000) }
  }

  /// Waits up to ten seconds for no process matching `marker` to be left.
  func waitForNone(_ marker: String) -> [Int32] {
    for _ in 0..<200 where !processesMatching(marker).isEmpty { usleep(50_000) }
    return processesMatching(marker)
  }

  static let stopping: [(signal: Int32, status: Int32)] = [
    (SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129), (SIGQUIT, 131),
  ]

  @Test(arguments: stopping)
  func aSignalStopsEveryTaskExitsWithItsStatusAndFreesTheLock(signal: Int32, status: Int32) {
    let marker = "sleep 305\(status - 128)"
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy: {lock: deploy, run: '\(marker) & \(marker); touch deployed'}
        other: {lock: deploy, run: touch other-ran}
      """
    ])
    let running = fixture.start(["deploy"])
    waitFor(marker, count: 2)
    #expect(processesMatching(marker).count >= 2)
    running.signal(signal)
    let run = running.wait(limit: .seconds(60))
    #expect(run.status == status, "\(run.output)")
    #expect(processesLeft(marker).isEmpty)
    #expect(!fixture.exists("deployed"))
    let other = fixture.run(["--no-wait", "other"])
    #expect(other.status == 0, "\(other.output)")
  }

  /// `blumeops deploy | head -1`: the reader goes away after the first line. A deploy cut short
  /// for that would be worse than one finished with nobody reading: the run goes on, its output
  /// kept in the task's log.
  @Test func aClosedStandardOutputLetsTheRunFinishAndKeepsTheLog() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy:
          lock: deploy
          run:
            - echo first line
            - sleep 1
            - 'for i in $(seq 1 2000); do echo "line $i"; done'
            - touch deployed
      """
    ])
    let script = """
      cd '\(fixture.root)' && '\(RunningBinary.binaryPath)' deploy | head -n 1 > head.out
      echo "${PIPESTATUS[0]}" > status
      """
    let environment = fixture.environment().map { "\($0.key)=\($0.value)" }
    runProcess(
      ["/usr/bin/timeout", "-k", "5", "60", "/usr/bin/env", "-i"] + environment + [
        "/bin/bash", "-c", script,
      ])
    #expect(fixture.read("head.out") == "first line\n")
    #expect(fixture.read("status") == "0\n")
    #expect(fixture.exists("deployed"))
    let logs = runProcess(
      ["/bin/sh", "-c", "grep -rq 'line 2000' '\(fixture.root)/.blumeops/logs'"])
    #expect(logs == 0, "the log holds the output nobody read")
    #expect(fixture.read(".blumeops/history.jsonl")?.contains("\"ok\"") == true)
  }

  /// After `kill -9` nobody is left to stop the task: its leader is told (SIGTERM on the death of
  /// blumeops), and the lock stays held while any process of the task still runs.
  @Test func afterKill9TheLeaderIsToldAndTheLockIsHeldWhileTheTaskLives() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy: {lock: deploy, run: 'sleep 3061 & exec sleep 3062'}
        other: {lock: deploy, run: touch other-ran}
      """
    ])
    let running = fixture.start(["deploy"])
    waitFor("sleep 306", count: 2)
    #expect(processesMatching("sleep 306").count == 2)
    running.signal(SIGKILL)
    let run = running.wait(limit: .seconds(30))
    #expect(run.status == 137)
    #expect(waitForNone("sleep 3062").isEmpty, "the leader got its parent-death signal")
    let orphans = processesMatching("sleep 3061")
    #expect(orphans.count == 1, "the background child is no leader, and lives on")
    let refused = fixture.run(["--no-wait", "other"])
    #expect(refused.status == 3, "\(refused.output)")
    #expect(refused.output.contains("lock deploy is held"), "\(refused.output)")
    #expect(refused.output.contains("processes of its task still run"), "\(refused.output)")
    #expect(!fixture.exists("other-ran"))
    for pid in orphans { kill(pid, SIGKILL) }
    #expect(waitForNone("sleep 3061").isEmpty)
    let taken = fixture.run(["--no-wait", "other"])
    #expect(taken.status == 0, "\(taken.output)")
  }

  /// A precondition that hangs is stopped with the run, before any task started.
  @Test(arguments: [(SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129)] as [(Int32, Int32)])
  func aSignalDuringAPreconditionStopsIt(signal: Int32, status: Int32) {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy:
          preconditions: [{sh: 'sleep 3071 & sleep 3071', message: never answers}]
          run: touch deployed
      """
    ])
    let running = fixture.start(["deploy"])
    waitFor("sleep 3071", count: 2)
    #expect(processesMatching("sleep 3071").count >= 2)
    running.signal(signal)
    let run = running.wait(limit: .seconds(30))
    #expect(run.status == status, "\(run.output)")
    #expect(processesLeft("sleep 3071").isEmpty)
    #expect(!run.output.contains("never answers"), "\(run.output)")
    #expect(!fixture.exists("deployed"))
  }

  /// Loading and planning 60,000 tasks takes seconds in a debug build; a signal in the middle
  /// ends it with its status, before a plan is printed.
  @Test(arguments: [(SIGINT, 130), (SIGTERM, 143)] as [(Int32, Int32)])
  func aSignalWhileLoadingAndPlanningEndsBlumeops(signal: Int32, status: Int32) {
    var text = "tasks:\n  t0: {run: 'true'}\n"
    for index in 1..<60_000 {
      text +=
        "  t\(index): {description: number \(index), run: 'echo \(index)', depends: [t\(index - 1)]}\n"
    }
    let fixture = Fixture(["tasks/main.yaml": text])
    let running = fixture.start(["--dry-run", "t59999"])
    usleep(300_000)
    running.signal(signal)
    let run = running.wait(limit: .seconds(60))
    #expect(run.status == status, "\(run.output)")
    #expect(!run.stdout.contains("t59999"), "the plan was finished and printed")
  }
}
