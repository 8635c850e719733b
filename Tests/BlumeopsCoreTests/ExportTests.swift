import Testing

@testable import BlumeopsCore

/// The pure side of `export` and `--only`: which nodes, which names, which edges.
@Suite struct PlanExportTests {
  static let tasks = """
    tasks:
      build: {run: make}
      "docs:check": {run: 'true'}
      deploy: {run: ship, depends: [build, "docs:check"], depends_post: [cleanup]}
      cleanup: {run: tidy}
    """

  @Test func onlyKeepsTheInvokedTasksWithoutTheirEdges() throws {
    let full = try plan(Self.tasks, [Invocation(task: "deploy")])
    #expect(full.nodes.count == 4)
    let only = full.onlyRoots()
    #expect(only.nodes.map(\.task.label) == ["deploy"])
    #expect(only.nodes[0].dependencies.isEmpty && only.nodes[0].after.isEmpty)
    #expect(only.roots == [0])
  }

  @Test func onlyKeepsTheEdgesBetweenInvokedTasks() throws {
    let full = try plan(Self.tasks, [Invocation(task: "deploy"), Invocation(task: "build")])
    let only = full.onlyRoots()
    #expect(only.nodes.map(\.task.label) == ["deploy", "build"])
    #expect(only.nodes[0].dependencies == [1])
    #expect(only.nodes[1].dependencies.isEmpty)
  }

  @Test func jobsCarryThePlansEdgesAndValidUniqueNames() throws {
    let full = try plan(Self.tasks, [Invocation(task: "deploy")])
    let jobs = try ExportedJobs(
      full, allowed: ActionsWorkflow.allowed, replacement: "_", lowercase: false
    ).jobs
    let byLabel = Dictionary(uniqueKeysWithValues: jobs.map { ($0.label, $0) })
    #expect(byLabel["docs:check"]?.id == "docs_check")
    #expect(
      Set(byLabel["deploy"]!.needs.map { jobs[$0].label }) == ["build", "docs:check"])
    #expect(byLabel["cleanup"]!.after.map { jobs[$0].label } == ["deploy"])
    #expect(byLabel["deploy"]!.tasks == ["deploy"])
    #expect(byLabel["deploy"]!.onlyWords == "deploy")
  }

  @Test func aPostTaskRunsAfterAFailureInBothEngines() throws {
    let full = try plan(Self.tasks, [Invocation(task: "deploy")])
    let actions = try ActionsWorkflow(
      plan: full, command: "blumeops export actions deploy", name: "blumeops deploy",
      runsOn: "docker", setup: []
    ).yaml()
    #expect(
      actions.contains(
        "  cleanup:\n    name: \"cleanup\"\n    runs-on: \"docker\"\n"
          + "    needs: [\"deploy\"]\n    if: ${{ !cancelled() }}\n"), "\(actions)")
    let argo = try ArgoWorkflow(
      plan: full, command: "x", image: "i", repository: nil, revision: "HEAD", secretName: "s"
    ).yaml()
    #expect(argo.contains("depends: \"(deploy.Succeeded || deploy.Failed)\""), "\(argo)")
  }

  static let checks = """
    tasks:
      ci: {depends: [lint-check, docs-check, build]}
      lint-check: {run: lint}
      docs-check: {run: docs, depends: [docs-render]}
      docs-render: {run: render}
      build: {run: make, depends: [lint-check]}
      deploy: {run: ship, depends: [build], depends_post: [cleanup]}
      cleanup: {run: tidy}
    """

  static func groupedJobs(_ groups: [String], _ task: String = "ci") throws -> [ExportedJobs.Job] {
    let full = try plan(Self.checks, [Invocation(task: task)])
    return try ExportedJobs(
      full, groups: try groups.map { text throws(BlumeopsError) in try ExportGroup(parsing: text) },
      allowed: ActionsWorkflow.allowed, replacement: "_", lowercase: false
    ).jobs
  }

  @Test func aGroupIsOneJobWithItsTasksInOrderAndTheUnionOfTheirEdges() throws {
    let jobs = try Self.groupedJobs(["docs=docs-*"])
    let byLabel = Dictionary(uniqueKeysWithValues: jobs.map { ($0.label, $0) })
    #expect(Set(byLabel.keys) == ["docs", "ci", "lint-check", "build"])
    #expect(byLabel["docs"]!.tasks == ["docs-render", "docs-check"])
    #expect(byLabel["docs"]!.needs.isEmpty)
    #expect(byLabel["docs"]!.onlyWords == "run docs-render ::: docs-check")
    #expect(Set(byLabel["ci"]!.needs.map { jobs[$0].label }) == ["docs", "lint-check", "build"])
  }

  @Test func aGroupOfTasksWithAnotherBetweenThemIsRefusedWithTheCycle() throws {
    #expect {
      try Self.groupedJobs(["outer=ci,lint-check"])
    } throws: { error in
      guard case .invalidExportGroup("outer", let problem, let help?) = error as? BlumeopsError
      else { return false }
      return problem == "its job would wait for itself: group `outer` → `build` → group `outer`"
        && help == "put the tasks between them in the group too, or split the group"
    }
    // With the task between them inside, it is one job again.
    let jobs = try Self.groupedJobs(["outer=ci,lint-check,build"])
    #expect(jobs.first { $0.label == "outer" }?.tasks == ["lint-check", "build", "ci"])
  }

  @Test(arguments: [
    (["checks"], "expected `NAME=TASK[,TASK...]`"),
    (["=build"], "the group has no name"),
    (["g= ,"], "the group names no task"),
    (["g=buidl"], "`buidl` is not a task of the plan"),
    (["a=lint-check", "b=*-check"], "task `lint-check` is already in group `a`"),
    (["a=build", "a=ci"], "the group is given twice"),
  ])
  func aBadGroupIsRefused(groups: [String], problem: String) throws {
    #expect {
      try Self.groupedJobs(groups)
    } throws: { error in
      guard case .invalidExportGroup(_, let found, _) = error as? BlumeopsError else {
        return false
      }
      return found == problem
    }
  }

  @Test func aPostTaskStaysAJobOfItsOwn() throws {
    #expect {
      try Self.groupedJobs(["tail=deploy,cleanup"], "deploy")
    } throws: { error in
      guard case .invalidExportGroup(_, let found, _) = error as? BlumeopsError else {
        return false
      }
      return found.hasPrefix("task `cleanup` runs whatever the result")
    }
    let jobs = try Self.groupedJobs(["ship=build,deploy"], "deploy")
    let cleanup = jobs.first { $0.label == "cleanup" }!
    #expect(cleanup.after.map { jobs[$0].label } == ["ship"])
  }

  @Test(arguments: [
    ("a\"b\\c\nd", "\"a\\\"b\\\\c\\nd\""), ("${{ x }}", "\"${{ x }}\""), ("on", "\"on\""),
  ])
  func everyScalarIsQuotedSafely(text: String, quoted: String) {
    #expect(YAMLText.quoted(text) == quoted)
  }
}
