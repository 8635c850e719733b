import Testing

@testable import BlumeopsCore

@Suite struct PlannerTests {
  let tasks = """
    tasks:
      lint: echo lint
      test: {depends: [lint], run: echo test}
      build: {depends: [lint, test], run: echo build, depends_post: [cleanup]}
      cleanup: echo cleanup
      greet:
        args: [{name: who, choices: [world, team]}]
        flags: {loud: {type: bool, short: l}, times: {type: int, default: "1"}}
        run: echo {{ who }} {{ times }}
      deploy:
        run: [echo a, 'pulumi up']
    """

  @Test func eachTaskRunsOncePerRun() throws {
    let plan = try plan(tasks, [Invocation(task: "build")])
    #expect(plan.nodes.map(\.task.name).sorted() == ["build", "cleanup", "lint", "test"])
    let build = try #require(plan.nodes.first { $0.task.name == "build" })
    let cleanup = try #require(plan.nodes.first { $0.task.name == "cleanup" })
    #expect(cleanup.after == [build.id])
    #expect(
      plan.waves.map { $0.map { plan.nodes[$0].task.name } } == [
        ["lint"], ["test"], ["build"], ["cleanup"],
      ])
  }

  @Test func parametersAreQuotedIntoShellSteps() throws {
    let plan = try plan(
      tasks, [Invocation(task: "greet", tokens: ["world", "--times", "3", "-l"])])
    guard case .shell(let script) = plan.nodes[0].task.steps[0].action else {
      Issue.record("not shell"); return
    }
    #expect(script == "echo world 3")
    #expect(plan.nodes[0].task.environment.contains(.init("usage_loud", "true")))
    #expect(plan.nodes[0].task.label == "greet --times=3 --loud=true world")
  }

  @Test func hostileValuesBecomeOneLiteralWord() throws {
    let text = "tasks:\n  a: {args: [v], run: 'printf %s {{ v }}'}\n"
    let plan = try plan(text, [Invocation(task: "a", tokens: ["$(touch pwned); rm -rf ~"])])
    guard case .shell(let script) = plan.nodes[0].task.steps[0].action else { return }
    #expect(script == "printf %s '$(touch pwned); rm -rf ~'")
  }

  @Test func passThroughIsAppendedToTheLastStepQuoted() throws {
    let plan = try plan(tasks, [Invocation(task: "deploy", passThrough: ["--tags", "caddy zot"])])
    guard case .shell(let script) = plan.nodes[0].task.steps[1].action else { return }
    #expect(script == "pulumi up --tags 'caddy zot'")
  }

  @Test(
    arguments: [
      (
        ["team"],
        "invalid value `team2` for `<who>` of task `greet`: expected one of `world`, `team`",
        ["team2"]
      ),
      ([], "task `greet` needs argument `<who>`", []),
      (
        [], "invalid value `x` for `--times` of task `greet`: expected a whole number",
        ["world", "--times", "x"]
      ),
      ([], "unknown option `--nope` for task `greet`", ["world", "--nope"]),
      ([], "unexpected argument `extra` for task `greet`", ["world", "extra"]),
    ] as [([String], String, [String])])
  func badArgumentsAreRejectedBeforeAnythingRuns(_: [String], message: String, tokens: [String]) {
    #expect(throws: BlumeopsError.self) {
      try plan(tasks, [Invocation(task: "greet", tokens: tokens)])
    }
    do {
      _ = try plan(tasks, [Invocation(task: "greet", tokens: tokens)])
    } catch let error as BlumeopsError {
      #expect(error.message == message)
      #expect(error.exitCode == 2)
    } catch {}
  }

  @Test func anUnknownTaskSuggestsTheClosest() {
    do {
      _ = try plan(tasks, [Invocation(task: "biuld")])
      Issue.record("expected an error")
    } catch let error as BlumeopsError {
      #expect(error == .unknownTask("biuld", suggestion: "build"))
    } catch {}
  }

  @Test func flagsFallBackToTheirEnvironmentVariable() throws {
    let text =
      "tasks:\n  a: {flags: {limit: {type: int, env: LIMIT, default: \"15\"}}, run: 'echo {{ limit }}'}\n"
    let plan = try plan(text, [Invocation(task: "a")], environment: ["LIMIT": "7"])
    guard case .shell(let script) = plan.nodes[0].task.steps[0].action else { return }
    #expect(script == "echo 7")
  }

  @Test func sameTaskWithDifferentArgumentsRunsTwice() throws {
    let text =
      "tasks:\n  check: {args: [host], run: 'echo {{ host }}'}\n  all:\n    depends: [{task: check, args: [indri]}, {task: check, args: [sifaka]}, {task: check, args: [indri]}]\n"
    let plan = try plan(text, [Invocation(task: "all")])
    #expect(plan.nodes.map(\.task.label).sorted() == ["all", "check indri", "check sifaka"])
  }

  @Test func aTenThousandTaskChainPlansWithoutDeepRecursion() throws {
    var text = "tasks:\n  t0: 'true'\n"
    for index in 1..<10_000 { text += "  t\(index): {depends: [t\(index - 1)], run: 'true'}\n" }
    let plan = try plan(text, [Invocation(task: "t9999")])
    #expect(plan.nodes.count == 10_000)
    #expect(plan.waves.count == 10_000)
  }
}
