import Testing

@testable import BlumeopsCore

/// `Plan.builtinsAlone`: only a run with nothing but built-in steps may read ahead for them.
@Suite struct PlanBuiltinsTests {
  func names(_ text: String, _ task: String) throws -> Set<String>? {
    let (catalog, errors) = load(
      [("tasks/main.yaml", text)], builtins: ["docs-check", "docs-review"])
    precondition(errors.isEmpty, "\(errors)")
    var planner = Planner(catalog: catalog, root: "/project", environment: [:])
    return try planner.plan([Invocation(task: task)]).builtinsAlone
  }

  @Test func aRunOfBuiltinsNamesThemAll() throws {
    let text = """
      tasks:
        check: {builtin: docs-check}
        review: {depends: [check], run: [{builtin: docs-review}, {task: check}]}
      """
    #expect(try names(text, "review") == ["docs-check", "docs-review"])
  }

  @Test func anyStepThatMayStartAProcessRulesItOut() throws {
    let text = """
      tasks:
        check: {builtin: docs-check}
        generate: echo generated > docs/new.md
        after-generate: {depends: [generate], builtin: docs-check}
        exec-step: {run: [{exec: [true]}, {builtin: docs-check}]}
        conditional: {run: [{builtin: docs-check, if: test -d docs}]}
        nested: {run: [{task: generate}, {builtin: docs-check}]}
      """
    #expect(try names(text, "check") == ["docs-check"])
    for task in ["after-generate", "exec-step", "conditional", "nested"] {
      #expect(try names(text, task) == nil, "\(task)")
    }
  }
}
