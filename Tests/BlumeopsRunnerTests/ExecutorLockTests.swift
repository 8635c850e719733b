import BlumeopsCore
import Testing

@testable import BlumeopsRunner

@Suite struct ExecutorLockTests {
  @Test func aBusyLockFailsTheTaskWithExit3WhenNotWaiting() async throws {
    let root = TemporaryDirectory()
    defer { root.remove() }
    let held = try await heldLock("deploy", root: root.path)
    defer { held.release() }
    let plan = fakePlan([fakeTask("apply", "echo applied", lock: "deploy")], root: root.path)
    let (report, output) = await runFake(plan) { $0.noWaitForLocks = true }
    #expect(report.exitCode == 3)
    #expect(output.text(.standardError).contains("lock deploy is held by task other (pid "))
  }

  @Test func aTaskWaitsForABusyLockAndSaysWhoHoldsIt() async throws {
    let root = TemporaryDirectory()
    defer { root.remove() }
    let held = try await heldLock("deploy", root: root.path)
    let plan = fakePlan([fakeTask("apply", "echo applied", lock: "deploy")], root: root.path)
    let destination = OutputDestination.memory()
    let executor = Executor(
      plan: plan, launcher: FakeLauncher(), options: ExecutorOptions(environment: [:]),
      destination: destination)
    async let run = executor.run()
    for _ in 0..<1000 where !destination.text().contains("waiting for lock") {
      try await Task.sleep(for: .milliseconds(10))
    }
    held.release()
    let report = await run
    #expect(report.exitCode == 0)
    let waiting = destination.text().split(separator: "\n").filter {
      $0.contains("waiting for lock")
    }
    #expect(waiting.count == 1)
    #expect(waiting.first?.contains("waiting for lock deploy held by task other (pid ") == true)
  }

  @Test func twoTasksWithTheSameLockNeverRunAtOnce() async throws {
    let root = TemporaryDirectory()
    defer { root.remove() }
    let launcher = FakeLauncher()
    let plan = fakePlan(
      [fakeTask("a", "sleep 50", lock: "shared"), fakeTask("b", "sleep 50", lock: "shared")],
      root: root.path)
    let (report, _) = await runFake(plan, launcher: launcher, jobs: 2)
    #expect(report.exitCode == 0)
    #expect(launcher.maximumRunning == 1)
  }

  /// The control for the test above: the same two tasks under different locks do run at once,
  /// so its single runner comes from the lock, not from `jobs` being ignored.
  @Test func twoTasksWithDifferentLocksRunAtOnce() async throws {
    let root = TemporaryDirectory()
    defer { root.remove() }
    let launcher = FakeLauncher()
    let plan = fakePlan(
      [fakeTask("a", "overlap 2", lock: "one"), fakeTask("b", "overlap 2", lock: "two")],
      root: root.path)
    let (report, _) = await runFake(plan, launcher: launcher, jobs: 2)
    #expect(report.exitCode == 0)
    #expect(launcher.maximumRunning == 2)
  }

  @Test func theHolderIsWrittenIntoTheLockFile() async throws {
    let root = TemporaryDirectory()
    defer { root.remove() }
    let held = try await heldLock("deploy", root: root.path)
    defer { held.release() }
    let contents = try #require(root.read(".blumeops/locks/deploy.lock"))
    #expect(contents.hasPrefix("task=other\npid="))
    #expect(contents.contains("\nsince="))
  }

  private func heldLock(_ name: String, root: String) async throws -> TaskLock {
    try await TaskLock.acquire(
      name, root: root, holder: "other", wait: false, control: ProcessControl(), waiting: { _ in }
    ).get()
  }
}
