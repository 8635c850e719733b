import BlumeopsCore
import Testing

@testable import BlumeopsRunner

@Suite struct ExecutorFailureTests {
  @Test func theFirstFailureCancelsRunningSiblingsAndGivesItsStatus() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([fakeTask("slow", "sleep 5000"), fakeTask("broken", "sleep 30; exit 3")])
    let (report, _) = await runFake(plan, launcher: launcher)
    #expect(report.exitCode == 3)
    #expect(report.state("broken") == .failed)
    #expect(report.state("slow") == .cancelled)
  }

  @Test func nothingNewStartsAfterTheFirstFailure() async {
    let launcher = FakeLauncher()
    let plan = fakePlan(
      [fakeTask("broken", "exit 2"), fakeTask("later", "echo later")],
      dependencies: [:])
    let (report, _) = await runFake(plan, launcher: launcher, jobs: 1)
    #expect(report.state("later") == .cancelled)
    #expect(!launcher.events.contains("start echo later"))
    #expect(report.exitCode == 2)
  }

  @Test func dependentsOfAFailureAreCancelledWhenTheRunStops() async {
    let plan = fakePlan(
      [fakeTask("build", "exit 1"), fakeTask("test", "echo t")], dependencies: ["test": ["build"]])
    let (report, output) = await runFake(plan)
    #expect(report.state("test") == .cancelled)
    #expect(output.text().contains("⊘ test   cancelled"))
  }

  @Test func dependentsOfAFailureAreSkippedWhenKeepingGoing() async {
    let plan = fakePlan(
      [fakeTask("build", "exit 1"), fakeTask("test", "echo t")], dependencies: ["test": ["build"]])
    let (report, output) = await runFake(plan, keepGoing: true)
    #expect(report.state("test") == .skipped)
    #expect(output.text().contains("- test   skipped"))
  }

  @Test func keepGoingRunsEverythingThatDoesNotDependOnTheFailure() async {
    let launcher = FakeLauncher()
    let plan = fakePlan(
      [
        fakeTask("lint", "exit 5"), fakeTask("unit", "sleep 50; echo unit"),
        fakeTask("package", "echo package"), fakeTask("publish", "echo publish"),
      ],
      dependencies: ["publish": ["lint"], "package": ["unit"]])
    let (report, _) = await runFake(plan, launcher: launcher, jobs: 1, keepGoing: true)
    #expect(report.exitCode == 5)
    #expect(report.state("unit") == .succeeded)
    #expect(report.state("package") == .succeeded)
    #expect(report.state("publish") == .skipped)
  }

  @Test func aPostTaskRunsAfterItsTaskFailed() async {
    let plan = fakePlan(
      [fakeTask("deploy", "exit 7"), fakeTask("cleanup", "echo cleaning")],
      after: ["cleanup": ["deploy"]])
    let (report, output) = await runFake(plan)
    #expect(report.exitCode == 7)
    #expect(report.state("cleanup") == .succeeded)
    #expect(output.text(.standardOutput).contains("cleanup | cleaning"))
  }

  @Test func aPostTaskOfATaskThatNeverStartedIsSkipped() async {
    let plan = fakePlan(
      [fakeTask("build", "exit 1"), fakeTask("deploy", "echo d"), fakeTask("cleanup", "echo c")],
      dependencies: ["deploy": ["build"]], after: ["cleanup": ["deploy"]])
    let (report, _) = await runFake(plan)
    #expect(report.state("cleanup") == .skipped)
  }

  @Test func aTimedOutTaskExits124() async {
    let plan = fakePlan([fakeTask("hang", "sleep 5000", timeout: .milliseconds(50))])
    let (report, output) = await runFake(plan)
    #expect(report.exitCode == 124)
    #expect(report.entry("hang")?.timedOut == true)
    #expect(output.text().contains("✗ hang timed out after"))
  }

  @Test func aMissingProgramFailsItsTaskWith127AndSaysSo() async {
    let plan = fakePlan([fakeTask("tool", "missing-tool --version")])
    let (report, output) = await runFake(plan)
    #expect(report.exitCode == 127)
    #expect(output.text(.standardError).contains("tool | blumeops: `missing` not found on PATH"))
  }

  @Test func theEndLineSaysHowTheTaskFailed() async {
    let plan = fakePlan([fakeTask("broken", "exit 1")])
    let (_, output) = await runFake(plan)
    #expect(output.text(.standardError).contains("✗ broken exited 1 after"))
  }
}
