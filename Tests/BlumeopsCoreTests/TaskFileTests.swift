import Testing

@testable import BlumeopsCore

@Suite struct TaskFileTests {
  @Test func scalarsInEnvStayAsWritten() throws {
    let task = try #require(
      load("env: {A: on}\ntasks:\n  a:\n    env: {MODE: 0755, V: 1.10}\n    run: echo\n").catalog
        .task(named: "a"))
    #expect(task.environment == [.init("A", "on"), .init("MODE", "0755"), .init("V", "1.10")])
  }

  @Test func extendsInheritsEverythingButHiddenAndAliases() throws {
    let text = """
      tasks:
        provision:
          hidden: true
          aliases: [p]
          dir: ansible
          requires: ["ansible-playbook>=2.15"]
          env: {A: "1", B: "1"}
          run: ansible-playbook site.yml
        provision-indri:
          extends: provision
          env: {B: "2"}
          run: ansible-playbook playbooks/indri.yml
      """
    let (catalog, errors) = load(text)
    #expect(errors.isEmpty)
    let task = try #require(catalog.task(named: "provision-indri"))
    #expect(task.directory == "ansible")
    #expect(task.hidden == false)
    #expect(task.aliases.isEmpty)
    #expect(task.environment == [.init("A", "1"), .init("B", "2")])
    #expect(task.requires.first?.constraint == VersionConstraint(.atLeast, [2, 15]))
  }

  @Test func stepMappingsCarryTheirOptions() throws {
    let text = """
      tasks:
        a:
          run:
            - echo one
            - {exec: [ls, -l], dir: docs, allow_failure: true}
            - {sh: "pulumi stack output key", capture: KEY, secret: true, if: "test -d pulumi"}
            - {task: b, args: [x]}
        b:
          args: [name]
          run: echo {{ name }}
      """
    let task = try #require(load(text).catalog.task(named: "a"))
    #expect(task.steps.count == 4)
    #expect(task.steps[1].allowFailure && task.steps[1].directory == "docs")
    #expect(
      task.steps[2].capture == "KEY" && task.steps[2].captureIsSecret
        && task.steps[2].condition == "test -d pulumi")
  }

  @Test func aTaskMayBeJustACommandOrAList() throws {
    let catalog = load("tasks:\n  a: echo a\n  b: [echo 1, echo 2]\n").catalog
    #expect(catalog.task(named: "a")?.steps.count == 1)
    #expect(catalog.task(named: "b")?.steps.count == 2)
  }

  @Test func namespacedNamesAndAliasesResolve() throws {
    let catalog = load("tasks:\n  docs:check-links: {run: echo, aliases: [dcl]}\n").catalog
    #expect(catalog.task(named: "dcl")?.name == "docs:check-links")
  }

  @Test func mergeKeysShareStepsBetweenTasks() throws {
    let text = """
      x-common: &common
        dir: pulumi/tailscale
        requires: [pulumi]
      tasks:
        a:
          <<: *common
          run: pulumi preview
      """
    // Top-level keys other than `tasks` and `env` are rejected, so anchors live under tasks.
    #expect(load(text).errors.map(\.message) == ["unknown key `x-common` in a task file"])
    let ok =
      "tasks:\n  base: &base {dir: pulumi, run: echo, hidden: true}\n  a:\n    <<: *base\n    hidden: false\n"
    #expect(load(ok).catalog.task(named: "a")?.directory == "pulumi")
  }
}
