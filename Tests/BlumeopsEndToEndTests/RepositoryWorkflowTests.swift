import Testing

/// The repository's own Forgejo workflow: a step per check of `ci`, and actionlint passes on it.
@Suite struct RepositoryWorkflowTests {
  static let workflow = Repository.root + "/.forgejo/workflows/ci.yaml"

  @Test func theWorkflowRunsEveryCheckOfCIAsAStepOfItsOwn() throws {
    let text = try #require(Fixture.read(Self.workflow))
    let steps = Set(
      text.split(separator: "\n").compactMap { line -> String? in
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("run: blumeops ") else { return nil }
        return String(trimmed.dropFirst("run: blumeops ".count))
      })
    let deps = Fixture([:]).run(["-C", Repository.root, "tasks", "deps", "--json", "ci"])
    #expect(deps.status == 0, "\(deps.stderr)")
    // The names listed under `ci`'s own `depends` in `{"version": 1, "tasks": {"ci": …}}`.
    let lines = deps.stdout.split(separator: "\n")
    let start = lines.firstIndex { $0.hasPrefix("    \"ci\"") }.map { $0 + 2 } ?? lines.endIndex
    let checks = lines[start...].prefix { $0.hasPrefix("        \"") }.map {
      String($0.split(separator: "\"")[1])
    }
    #expect(checks.count >= 7, "\(deps.stdout)")
    for check in checks {
      #expect(steps.contains(check), "`ci` runs `\(check)`, the workflow has no step for it")
    }
    #expect(steps.contains("test"))
  }

  @Test(.enabled(if: ExternalTool.enabled("actionlint"), "actionlint is not installed"))
  func actionlintPassesOnTheWorkflow() {
    let lint = ExternalTool.run(
      "actionlint -config-file .forgejo/actionlint.yaml .forgejo/workflows/*.yaml",
      in: Repository.root)
    #expect(lint.status == 0, "\(lint.output)")
  }
}
