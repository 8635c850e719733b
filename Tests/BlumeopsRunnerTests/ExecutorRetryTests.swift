import BlumeopsCore
import Testing

@testable import BlumeopsRunner

@Suite struct ExecutorRetryTests {
  @Test func aFlakyTaskSucceedsOnItsThirdAttempt() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([
      fakeTask("fetch", "echo trying; flaky fetch 3", retry: RetryPolicy(attempts: 3))
    ])
    let (report, output) = await runFake(plan, launcher: launcher)
    #expect(report.exitCode == 0)
    #expect(report.entry("fetch")?.attempts == 3)
    #expect(launcher.events.filter { $0.hasPrefix("start") }.count == 3)
    let text = output.text(.standardError)
    #expect(text.contains("↻ fetch: attempt 2 of 3 (previous exited 1)"))
    #expect(text.contains("↻ fetch: attempt 3 of 3 (previous exited 2)"))
    #expect(text.contains("✓ fetch"))
  }

  @Test func aRetryRunsAllStepsOfTheTaskAgain() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([
      fakeTask("fetch", "echo first", "flaky fetch 2", retry: RetryPolicy(attempts: 2))
    ])
    _ = await runFake(plan, launcher: launcher)
    #expect(launcher.events.filter { $0 == "start echo first" }.count == 2)
  }

  @Test func theFinalFailureReportsEveryAttempt() async {
    let plan = fakePlan([fakeTask("fetch", "flaky fetch 9", retry: RetryPolicy(attempts: 3))])
    let (report, output) = await runFake(plan)
    #expect(report.exitCode == 3)
    #expect(report.entry("fetch")?.attemptStatuses == ["exited 1", "exited 2", "exited 3"])
    #expect(
      output.text(.standardError).contains(
        "(3 attempts: exited 1, exited 2, exited 3)"))
  }

  @Test func aStopDuringTheRetryDelayCancelsTheTask() async {
    let plan = fakePlan([
      fakeTask("fetch", "exit 1", retry: RetryPolicy(attempts: 3, delay: .seconds(30))),
      fakeTask("broken", "sleep 20; exit 9"),
    ])
    let (report, _) = await runFake(plan)
    #expect(report.exitCode == 9)
    #expect(report.state("fetch") == .cancelled)
  }
}
