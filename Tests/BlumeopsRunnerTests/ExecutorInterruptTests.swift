import BlumeopsCore
import Glibc
import Testing

@testable import BlumeopsRunner

@Suite struct ExecutorInterruptTests {
  func executor(_ plan: Plan, _ launcher: FakeLauncher, jobs: Int = 4) -> Executor {
    Executor(
      plan: plan, launcher: launcher,
      options: ExecutorOptions(jobs: jobs, gracePeriod: .milliseconds(200), environment: [:]),
      destination: .memory())
  }

  func waitUntilStarted(_ launcher: FakeLauncher, _ count: Int) async throws {
    try await waitUntil { launcher.events.filter({ $0.hasPrefix("start") }).count >= count }
  }

  @Test func anInterruptStopsRunningTasksCancelsTheRestAndExits130() async throws {
    let launcher = FakeLauncher()
    let plan = fakePlan(
      [fakeTask("a", "sleep 5000"), fakeTask("b", "sleep 5000"), fakeTask("c", "echo c")],
      dependencies: ["c": ["a"]])
    let run = executor(plan, launcher)
    async let report = run.run()
    try await waitUntilStarted(launcher, 2)
    run.interrupt(signal: SIGINT)
    let finished = await report
    #expect(finished.exitCode == 130)
    #expect(finished.interruptSignal == SIGINT)
    #expect(finished.nodes.map(\.state) == [.cancelled, .cancelled, .cancelled])
    #expect(!launcher.events.contains("start echo c"))
  }

  @Test func aTerminateRequestExits143() async throws {
    let launcher = FakeLauncher()
    let run = executor(fakePlan([fakeTask("a", "sleep 5000")]), launcher)
    async let report = run.run()
    try await waitUntilStarted(launcher, 1)
    run.interrupt(signal: SIGTERM)
    #expect(await report.exitCode == 143)
  }

  @Test func cleanUpAfterATaskStillRunsAfterAnInterrupt() async throws {
    let launcher = FakeLauncher()
    let plan = fakePlan(
      [fakeTask("deploy", "sleep 5000"), fakeTask("cleanup", "echo cleaning")],
      after: ["cleanup": ["deploy"]])
    let run = executor(plan, launcher)
    async let report = run.run()
    try await waitUntilStarted(launcher, 1)
    run.interrupt(signal: SIGINT)
    let finished = await report
    #expect(finished.state("cleanup") == .succeeded)
    #expect(finished.exitCode == 130)
  }

  @Test func aFailureBeforeTheInterruptDecidesTheExitCode() async throws {
    let launcher = FakeLauncher()
    let plan = fakePlan(
      [fakeTask("broken", "exit 4"), fakeTask("cleanup", "sleep 5000")],
      after: ["cleanup": ["broken"]])
    let run = executor(plan, launcher)
    async let report = run.run()
    try await waitUntilStarted(launcher, 2)
    run.interrupt(signal: SIGINT)
    #expect(await report.exitCode == 4)
  }
}
