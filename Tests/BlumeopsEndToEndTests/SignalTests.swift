import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Every signal that can end blumeops ends its tasks too, and keeps their locks honest.
@Suite(.serialized) struct SignalTests {
  /// Runs a helper program to its end, without holding a thread, killing it after `limit`.
  func runHelper(_ argv: [String], limit: Duration = .seconds(60)) async {
    var pid: pid_t = 0
    var arguments = argv.map { strdup($0) } + [nil]
    defer { arguments.forEach { free($0) } }
    guard posix_spawn(&pid, argv[0], nil, nil, &arguments, environ) == 0 else { return }
    let deadline = ContinuousClock.now.advanced(by: limit)
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      if ContinuousClock.now >= deadline { kill(pid, SIGKILL) }
      try? await Task.sleep(for: .milliseconds(10))
    }
  }

  static let stopping: [(signal: Int32, status: Int32)] = [
    (SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129), (SIGQUIT, 131),
  ]

  @Test(arguments: stopping)
  func aSignalStopsEveryTaskExitsWithItsStatusAndFreesTheLock(signal: Int32, status: Int32)
    async
  {
    let marker = uniqueSleep(305_0 + Int(status - 128))
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy: {lock: deploy, run: '\(marker) & \(marker); touch deployed'}
        other: {lock: deploy, run: touch other-ran}
      """
    ])
    let running = fixture.start(["deploy"])
    await processesStarted(marker, count: 2)
    #expect(processesMatching(marker).count >= 2)
    running.signal(signal)
    let run = await running.finished(limit: .seconds(60))
    #expect(run.status == status, "\(run.output)")
    #expect(await processesGone(marker).isEmpty)
    #expect(!fixture.exists("deployed"))
    let other = await fixture.start(["--no-wait", "other"]).finished()
    #expect(other.status == 0, "\(other.output)")
  }

  /// `blumeops deploy | head -1`: the reader goes away after the first line. A deploy cut short
  /// for that would be worse than one finished with nobody reading: the run goes on, its output
  /// kept in the task's log.
  @Test func aClosedStandardOutputLetsTheRunFinishAndKeepsTheLog() async {
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
    await runHelper(["/usr/bin/env", "-i"] + environment + ["/bin/bash", "-c", script])
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
  @Test func afterKill9TheLeaderIsToldAndTheLockIsHeldWhileTheTaskLives() async {
    let (background, leader) = (uniqueSleep(3061), uniqueSleep(3062))
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy: {lock: deploy, run: '\(background) & exec \(leader)'}
        other: {lock: deploy, run: touch other-ran}
      """
    ])
    let running = fixture.start(["deploy"])
    await processesStarted(background, count: 1)
    await processesStarted(leader, count: 1)
    #expect(processesMatching(background).count + processesMatching(leader).count == 2)
    running.signal(SIGKILL)
    let run = await running.finished(limit: .seconds(30))
    #expect(run.status == 137)
    #expect(await processesGone(leader).isEmpty, "the leader got its parent-death signal")
    let orphans = processesMatching(background)
    #expect(orphans.count == 1, "the background child is no leader, and lives on")
    let refused = await fixture.start(["--no-wait", "other"]).finished()
    #expect(refused.status == 3, "\(refused.output)")
    #expect(refused.output.contains("lock deploy is held"), "\(refused.output)")
    #expect(refused.output.contains("processes of its task still run"), "\(refused.output)")
    #expect(!fixture.exists("other-ran"))
    for pid in orphans { kill(pid, SIGKILL) }
    #expect(await processesGone(background).isEmpty)
    let taken = await fixture.start(["--no-wait", "other"]).finished()
    #expect(taken.status == 0, "\(taken.output)")
  }

  /// A precondition that hangs is stopped with the run, before any task started.
  @Test(arguments: [(SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129)] as [(Int32, Int32)])
  func aSignalDuringAPreconditionStopsIt(signal: Int32, status: Int32) async {
    let marker = uniqueSleep(3071)
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy:
          preconditions: [{sh: '\(marker) & \(marker)', message: never answers}]
          run: touch deployed
      """
    ])
    let running = fixture.start(["deploy"])
    await processesStarted(marker, count: 2)
    #expect(processesMatching(marker).count >= 2)
    running.signal(signal)
    let run = await running.finished(limit: .seconds(30))
    #expect(run.status == status, "\(run.output)")
    #expect(await processesGone(marker).isEmpty)
    #expect(!run.output.contains("never answers"), "\(run.output)")
    #expect(!fixture.exists("deployed"))
  }

  /// Loading and planning 60,000 tasks takes seconds in a debug build; a signal in the middle
  /// ends it with its status, before a plan is printed.
  @Test(arguments: [(SIGINT, 130), (SIGTERM, 143)] as [(Int32, Int32)])
  func aSignalWhileLoadingAndPlanningEndsBlumeops(signal: Int32, status: Int32) async {
    var text = "tasks:\n  t0: {run: 'true'}\n"
    for index in 1..<60_000 {
      text +=
        "  t\(index): {description: number \(index), run: 'echo \(index)', depends: [t\(index - 1)]}\n"
    }
    let fixture = Fixture(["tasks/main.yaml": text])
    let running = fixture.start(["--dry-run", "t59999"])
    try? await Task.sleep(for: .milliseconds(300))
    running.signal(signal)
    let run = await running.finished(limit: .seconds(60))
    #expect(run.status == status, "\(run.output)")
    #expect(!run.stdout.contains("t59999"), "the plan was finished and printed")
  }
}
