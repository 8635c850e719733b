import BlumeopsCore
import Testing

@testable import BlumeopsRunner

@Suite struct ExecutorMaskingTests {
  let secrets = ResolvedSecrets(
    variables: ["hunter2 deploy": [EnvironmentVariable("TOKEN", "hunter2")]], values: ["hunter2"])

  @Test func aSecretIsGivenToItsOwnTaskOnly() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([fakeTask("hunter2 deploy", "echo a"), fakeTask("other", "echo b")])
    _ = await runFake(plan, launcher: launcher, secrets: secrets)
    let byScript = Dictionary(uniqueKeysWithValues: launcher.invocations.map { ($0.script, $0) })
    #expect(byScript["echo a"]?.environment["TOKEN"] == "hunter2")
    #expect(byScript["echo b"]?.environment["TOKEN"] == nil)
  }

  @Test func aSecretIsMaskedInOutputLines() async {
    let plan = fakePlan([fakeTask("hunter2 deploy", "env TOKEN; err token=hunter2")])
    let (_, output) = await runFake(plan, output: .interleave, secrets: secrets)
    #expect(output.text(.standardOutput) == "****\n")
    #expect(output.text(.standardError).contains("token=****\n"))
  }

  @Test func aSecretIsMaskedInAnnouncementsAndTheSummary() async {
    let plan = fakePlan([fakeTask("hunter2 deploy", "exit 1")])
    let (_, output) = await runFake(plan, verbosity: .verbose, secrets: secrets)
    let text = output.text()
    #expect(!text.contains("hunter2"))
    #expect(text.contains("▸ **** deploy"))
    #expect(text.contains("✗ **** deploy exited 1"))
    #expect(text.contains("✗ **** deploy  failed"))
  }

  @Test func aSecretIsMaskedInTheTaskLogAndItsName() async {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let plan = fakePlan([fakeTask("hunter2 deploy", "env TOKEN; echo done")])
    _ = await runFake(plan, secrets: secrets) { $0.logDirectory = directory.path }
    #expect(directory.read("hunter2_deploy.log") == nil)
    #expect(directory.read(SafeFileName.make("**** deploy") + ".log") == "****\ndone\n")
  }

  @Test func processesWriteStraightToTheTerminalOnlyWhenNothingNeedsMasking() async {
    let launcher = FakeLauncher()
    let plan = fakePlan([fakeTask("build", "echo b")])
    _ = await runFake(plan, launcher: launcher, output: .interleave) {
      $0.terminalPassThrough = true
    }
    #expect(launcher.invocations.first?.terminal == .passThrough)
    let masked = FakeLauncher()
    _ = await runFake(plan, launcher: masked, output: .interleave, secrets: secrets) {
      $0.terminalPassThrough = true
    }
    #expect(masked.invocations.first?.terminal == .piped)
  }
}
