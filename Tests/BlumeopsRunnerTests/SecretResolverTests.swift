import BlumeopsCore
import Testing

@testable import BlumeopsRunner

@Suite struct SecretResolverTests {
  func task(_ label: String, _ secrets: [String: [SecretSource]]) -> PlannedTask {
    var task = fakeTask(label, "echo")
    task.secrets = secrets.sorted { $0.key < $1.key }.map {
      SecretRequirement(variable: $0.key, sources: $0.value)
    }
    return task
  }

  func resolver(_ launcher: FakeLauncher, _ environment: [String: String] = [:]) -> SecretResolver {
    SecretResolver(launcher: launcher, environment: environment, directory: "/work")
  }

  @Test func anEnvironmentSourceIsReadFromTheEnvironment() async throws {
    let plan = fakePlan([task("ci", ["TOKEN": [.environment("FORGEJO_TOKEN")]])])
    let secrets = try await resolver(FakeLauncher(), ["FORGEJO_TOKEN": "abc"]).resolve(plan)
    #expect(secrets.variables(for: "ci") == [EnvironmentVariable("TOKEN", "abc")])
    #expect(secrets.values == ["abc"])
  }

  @Test func aOnePasswordReferenceIsReadWithOpOncePerRun() async throws {
    let launcher = FakeLauncher(onePassword: ["op://v/i/f": "s3cret"])
    let plan = fakePlan([
      task("a", ["KEY": [.onePassword("op://v/i/f")]]),
      task("b", ["OTHER": [.onePassword("op://v/i/f")]]),
    ])
    let secrets = try await resolver(launcher).resolve(plan)
    #expect(secrets.variables(for: "a") == [EnvironmentVariable("KEY", "s3cret")])
    #expect(secrets.variables(for: "b") == [EnvironmentVariable("OTHER", "s3cret")])
    #expect(launcher.events == ["op read op://v/i/f"])
  }

  @Test func theValueNeverAppearsOnACommandLine() async throws {
    let launcher = FakeLauncher(onePassword: ["op://v/i/f": "s3cret"])
    let plan = fakePlan([task("a", ["KEY": [.onePassword("op://v/i/f")]])])
    _ = try await resolver(launcher).resolve(plan)
    #expect(launcher.invocations.allSatisfy { !$0.script.contains("s3cret") })
  }

  @Test func sourcesAreTriedInOrderUntilOneGivesAValue() async throws {
    let launcher = FakeLauncher(onePassword: ["op://v/i/f": "from-op"])
    let plan = fakePlan([
      task("a", ["TOKEN": [.environment("FORGEJO_TOKEN"), .onePassword("op://v/i/f")]])
    ])
    let fromOp = try await resolver(launcher).resolve(plan)
    #expect(fromOp.variables(for: "a") == [EnvironmentVariable("TOKEN", "from-op")])
    let fromEnvironment = try await resolver(launcher, ["FORGEJO_TOKEN": "from-env"]).resolve(plan)
    #expect(fromEnvironment.variables(for: "a") == [EnvironmentVariable("TOKEN", "from-env")])
  }

  @Test func aMissingOpIsAClearFailureNamingTaskAndReference() async {
    let plan = fakePlan([task("tailnet-up", ["KEY": [.onePassword("op://blumeops/ts/key")]])])
    await #expect(
      throws: SecretError(
        task: "tailnet-up", variable: "KEY",
        attempts: [("op://blumeops/ts/key", "the 1Password CLI `op` is not installed")])
    ) {
      _ = try await resolver(FakeLauncher(onePassword: nil)).resolve(plan)
    }
  }

  @Test func aFailedReadReportsEverySourceTried() async throws {
    let plan = fakePlan([
      task("a", ["TOKEN": [.environment("FORGEJO_TOKEN"), .onePassword("op://v/i/missing")]])
    ])
    do {
      _ = try await resolver(FakeLauncher()).resolve(plan)
      Issue.record("expected a failure")
    } catch {
      #expect(error.task == "a")
      #expect(error.source == "env:FORGEJO_TOKEN, op://v/i/missing")
      #expect(
        error.reason
          == "`FORGEJO_TOKEN` is not set; `op read` exited 1: [ERROR] could not read secret")
    }
  }

  @Test func anEmptyValueIsAFailure() async {
    let launcher = FakeLauncher(onePassword: ["op://v/i/f": ""])
    let plan = fakePlan([task("a", ["KEY": [.onePassword("op://v/i/f")]])])
    await #expect(throws: SecretError.self) { _ = try await resolver(launcher).resolve(plan) }
  }

  @Test func secretsOfSubTasksAreResolvedToo() async throws {
    let inner = task("inner", ["KEY": [.environment("K")]])
    let outer = fakeTask("outer", steps: [PlannedStep(.task(inner), directory: "/work")])
    let secrets = try await resolver(FakeLauncher(), ["K": "v"]).resolve(fakePlan([outer]))
    #expect(secrets.variables(for: "inner") == [EnvironmentVariable("KEY", "v")])
  }
}
