import BlumeopsCore
import Testing

@testable import BlumeopsRunner

@Suite struct ExecutorStepTests {
  @Test func aCapturedStdoutIsGivenToLaterStepsAndNotPrinted() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([
      fakeTask(
        "release",
        steps: [
          PlannedStep(.shell("echo   v1.2.3  "), directory: "/work", capture: "VERSION"),
          PlannedStep(.shell("env VERSION"), directory: "/work"),
        ])
    ])
    let (report, output) = await runFake(plan, launcher: launcher)
    #expect(report.exitCode == 0)
    #expect(output.text(.standardOutput) == "release | v1.2.3\n")
  }

  @Test func aSecretCaptureIsMaskedInLaterOutput() async {
    let plan = fakePlan([
      fakeTask(
        "login",
        steps: [
          PlannedStep(
            .shell("echo tok-9876"), directory: "/work", capture: "TOKEN", captureIsSecret: true),
          PlannedStep(.shell("env TOKEN; echo using tok-9876"), directory: "/work"),
        ])
    ])
    let (_, output) = await runFake(plan)
    #expect(output.text(.standardOutput) == "login | ****\nlogin | using ****\n")
  }

  @Test func aStepWhoseConditionFailsIsSkipped() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([
      fakeTask(
        "maybe",
        steps: [
          PlannedStep(.shell("echo skipped"), directory: "/work", condition: "exit 1"),
          PlannedStep(.shell("echo ran"), directory: "/work", condition: "echo hidden; exit 0"),
        ])
    ])
    let (report, output) = await runFake(plan, launcher: launcher)
    #expect(report.exitCode == 0)
    #expect(output.text(.standardOutput) == "maybe | ran\n")
    #expect(!launcher.events.contains("start echo skipped"))
  }

  @Test func aStepAllowedToFailLetsTheTaskGoOn() async {
    let plan = fakePlan([
      fakeTask(
        "tidy",
        steps: [
          PlannedStep(.shell("exit 2"), directory: "/work", allowFailure: true),
          PlannedStep(.shell("echo after"), directory: "/work"),
        ])
    ])
    let (report, output) = await runFake(plan)
    #expect(report.exitCode == 0)
    #expect(report.state("tidy") == .succeeded)
    #expect(output.text(.standardOutput) == "tidy | after\n")
    #expect(output.text(.standardError).contains("step exited 2 (allowed to fail)"))
  }

  @Test func stepEnvironmentAndDirectoryApplyToThatStepOnly() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([
      fakeTask(
        "where",
        steps: [
          PlannedStep(
            .shell("env STAGE; pwd"), directory: "/work/sub",
            environment: [EnvironmentVariable("STAGE", "two")]),
          PlannedStep(.shell("env STAGE; env FILE_LEVEL; env BLUMEOPS_ROOT"), directory: "/work"),
        ])
    ])
    var plain = plan
    plain.nodes[0].task.environment = [EnvironmentVariable("FILE_LEVEL", "yes")]
    let (_, output) = await runFake(plain, launcher: launcher)
    #expect(
      output.text(.standardOutput) == """
        where | two
        where | /work/sub
        where | 
        where | yes
        where | /work

        """)
  }

  @Test func anExecStepRunsItsArgvAsGiven() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([
      fakeTask("direct", steps: [PlannedStep(.exec(["tool", "echo exec"]), directory: "/work")])
    ])
    let (_, output) = await runFake(plan, launcher: launcher)
    #expect(output.text(.standardOutput) == "direct | exec\n")
  }

  @Test func aSubTaskRunsInlineAndIsAnnouncedAsItsOwnEntry() async {
    let launcher = FakeLauncher()
    let inner = fakeTask("migrate", "echo migrating")
    let plan = fakePlan([
      fakeTask(
        "deploy",
        steps: [
          PlannedStep(.shell("echo before"), directory: "/work"),
          PlannedStep(.task(inner), directory: "/work"),
          PlannedStep(.shell("echo after"), directory: "/work"),
        ])
    ])
    let (report, output) = await runFake(plan, launcher: launcher)
    #expect(
      launcher.events.filter { $0.hasPrefix("start") }
        == ["start echo before", "start echo migrating", "start echo after"])
    #expect(report.entry("deploy")?.subtasks.map(\.label) == ["migrate"])
    #expect(output.text(.standardError).contains("▸ migrate"))
    #expect(output.text(.standardError).contains("✓ migrate"))
    #expect(output.text().contains("  migrate  ok"))
  }

  @Test func aFailingSubTaskFailsItsTask() async {
    let inner = fakeTask("migrate", "exit 6")
    let plan = fakePlan([
      fakeTask(
        "deploy",
        steps: [
          PlannedStep(.task(inner), directory: "/work"),
          PlannedStep(.shell("echo after"), directory: "/work"),
        ])
    ])
    let (report, _) = await runFake(plan)
    #expect(report.exitCode == 6)
    #expect(report.entry("deploy")?.subtasks.first?.state == .failed)
  }

  @Test func aBuiltinWritesThroughTheSameOutputPath() async {
    let plan = fakePlan([
      fakeTask(
        "docs",
        steps: [PlannedStep(.builtin(name: "greet", options: ["who": "docs"]), directory: "/work")])
    ])
    let (report, output) = await runFake(plan, builtins: GreetingBuiltin())
    #expect(report.exitCode == 0)
    #expect(output.text(.standardOutput) == "docs | hello docs\n")
    #expect(output.text(.standardError).contains("docs | warning from /work"))
  }

  @Test func aFailingBuiltinFailsItsTaskWithItsStatus() async {
    let plan = fakePlan([
      fakeTask(
        "docs", steps: [PlannedStep(.builtin(name: "greet", options: [:]), directory: "/work")])
    ])
    let (report, _) = await runFake(plan, builtins: GreetingBuiltin())
    #expect(report.exitCode == 1)
  }

  @Test func verboseModeShowsEachCommandBeforeItRuns() async {
    let plan = fakePlan([fakeTask("build", "echo compiling")])
    let (_, output) = await runFake(plan, verbosity: .verbose)
    #expect(output.text(.standardError).contains("$ echo compiling"))
  }
}

/// A built-in that greets `with.who`, and fails without it.
struct GreetingBuiltin: BuiltinHandler {
  var names: [String] { ["greet"] }

  func run(_ name: String, options: [String: String], context: BuiltinContext) async -> Int32 {
    guard let who = options["who"] else { return 1 }
    context.writeLine("hello \(who)")
    context.writeErrorLine("warning from \(context.directory)")
    return 0
  }
}
