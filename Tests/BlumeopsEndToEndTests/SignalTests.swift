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
    #expect(!fixture.exists("other-ran"))
    for pid in orphans { kill(pid, SIGKILL) }
    #expect(waitForNone("sleep 3061").isEmpty)
    let taken = fixture.run(["--no-wait", "other"])
    #expect(taken.status == 0, "\(taken.output)")
  }
}
