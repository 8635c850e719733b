import BlumeopsCore
import Testing

@testable import BlumeopsRunner

@Suite struct ExecutorOrderingTests {
  @Test func aTaskStartsOnlyAfterItsDependenciesSucceeded() async {
    let launcher = FakeLauncher()
    let plan = fakePlan(
      [fakeTask("build", "echo b"), fakeTask("test", "echo t"), fakeTask("deploy", "echo d")],
      dependencies: ["test": ["build"], "deploy": ["test"]])
    let (report, _) = await runFake(plan, launcher: launcher)
    #expect(report.exitCode == 0)
    #expect(
      launcher.events == [
        "start echo b", "end echo b", "start echo t", "end echo t",
        "start echo d", "end echo d",
      ])
    #expect(report.nodes.map(\.state) == [.succeeded, .succeeded, .succeeded])
  }

  @Test func oneJobRunsTasksOneAtATime() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([
      fakeTask("a", "sleep 20"), fakeTask("b", "sleep 20"), fakeTask("c", "sleep 20"),
    ])
    _ = await runFake(plan, launcher: launcher, jobs: 1)
    #expect(launcher.maximumRunning == 1)
  }

  @Test func independentTasksOverlapWithSeveralJobs() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([fakeTask("a", "overlap 2"), fakeTask("b", "overlap 2")])
    let (report, _) = await runFake(plan, launcher: launcher, jobs: 2)
    #expect(report.exitCode == 0)
    #expect(launcher.maximumRunning == 2)
  }

  @Test func stepsOfATaskRunInOrder() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([fakeTask("a", "echo 1", "echo 2", "echo 3")])
    let (_, output) = await runFake(plan, launcher: launcher)
    #expect(
      launcher.events.filter { $0.hasPrefix("start") }
        == ["start echo 1", "start echo 2", "start echo 3"])
    #expect(output.text(.standardOutput) == "a | 1\na | 2\na | 3\n")
  }

  @Test func aFailedStepEndsItsTask() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([fakeTask("a", "echo 1", "exit 4", "echo never")])
    let (report, _) = await runFake(plan, launcher: launcher)
    #expect(report.exitCode == 4)
    #expect(report.entry("a")?.exitCode == 4)
    #expect(!launcher.events.contains("start echo never"))
  }
}
