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
    let jobs = ExportedJobs(
      full, allowed: ActionsWorkflow.allowed, replacement: "_", lowercase: false
    ).jobs
    let byLabel = Dictionary(uniqueKeysWithValues: jobs.map { ($0.label, $0) })
    #expect(byLabel["docs:check"]?.id == "docs_check")
    #expect(
      Set(byLabel["deploy"]!.needs.map { jobs[$0].label }) == ["build", "docs:check"])
    #expect(byLabel["cleanup"]!.after.map { jobs[$0].label } == ["deploy"])
    #expect(byLabel["deploy"]!.command == "blumeops --only deploy")
  }

  @Test func aPostTaskRunsAfterAFailureInBothEngines() throws {
    let full = try plan(Self.tasks, [Invocation(task: "deploy")])
    let actions = ActionsWorkflow(
      plan: full, command: "blumeops export actions deploy", name: "blumeops deploy",
      runsOn: "docker", setup: []
    ).yaml
    #expect(
      actions.contains(
        "  cleanup:\n    name: \"cleanup\"\n    runs-on: \"docker\"\n"
          + "    needs: [\"deploy\"]\n    if: ${{ !cancelled() }}\n"), "\(actions)")
    let argo = ArgoWorkflow(
      plan: full, command: "x", image: "i", repository: nil, revision: "HEAD", secretName: "s"
    ).yaml
    #expect(argo.contains("depends: \"(deploy.Succeeded || deploy.Failed)\""), "\(argo)")
  }

  @Test(arguments: [
    ("a\"b\\c\nd", "\"a\\\"b\\\\c\\nd\""), ("${{ x }}", "\"${{ x }}\""), ("on", "\"on\""),
  ])
  func everyScalarIsQuotedSafely(text: String, quoted: String) {
    #expect(YAMLText.quoted(text) == quoted)
  }
}
