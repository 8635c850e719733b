import Testing

@testable import BlumeopsCore

@Suite struct TaskFileErrorTests {
  @Test func anUnknownDependencyPointsAtItWithASuggestion() {
    let text = """
      tasks:
        provision-indri:
          run: ansible-playbook playbooks/indri.yml
        deploy:
          depends: [provison-indri]
      """
    #expect(
      rendered(text) == """
        error: unknown dependency `provison-indri` of task `deploy`
         --> tasks/main.yaml:5:15
          |
        5 |     depends: [provison-indri]
          |               ^^^^^^^^^^^^^^
        help: did you mean `provision-indri`?
        """)
  }

  @Test func anUnknownKeySuggestsTheClosestKnownOne() {
    let text = "tasks:\n  a:\n    dependz: [b]\n    run: echo\n  b: echo b\n"
    #expect(
      rendered(text) == """
        error: unknown key `dependz` in task `a`
         --> tasks/main.yaml:3:5
          |
        3 |     dependz: [b]
          |     ^^^^^^^
        help: did you mean `depends`?
        """)
  }

  @Test func aCycleIsReportedWholeOnce() {
    let text =
      "tasks:\n  a: {depends: [b], run: echo}\n  b: {depends: [c], run: echo}\n  c: {depends: [a], run: echo}\n"
    let errors = load(text).errors
    #expect(errors.count == 1)
    #expect(errors.first?.message == "dependency cycle: a → b → c → a")
    #expect(errors.first?.location?.position.line == 4)
  }

  @Test func aWrongTypeNamesWhatWasExpected() {
    let errors = load("tasks:\n  a:\n    run: echo\n    hidden: [yes]\n").errors
    #expect(errors.map(\.message) == ["`hidden` must be a string, found a list"])
  }

  @Test func aYAMLSyntaxErrorIsLocated() {
    let errors = load("tasks:\n  a:\n    run: [echo\n  b: x\n").errors
    #expect(errors.count == 1)
    guard case .yaml(let error, let file)? = errors.first else {
      Issue.record("expected a YAML error")
      return
    }
    #expect(file == "tasks/main.yaml")
    #expect(error.position.line == 4)
  }

  @Test func aDuplicateTaskAcrossFilesNamesBothPlaces() {
    let (catalog, errors) = load([
      ("tasks/a.yaml", "tasks:\n  deploy: echo a\n"),
      ("tasks/b.yaml", "tasks:\n  x: echo\n  deploy: echo b\n"),
    ])
    #expect(
      ErrorRenderer(sources: catalog.sources).render(errors) == """
        error: task `deploy` is defined twice
         --> tasks/b.yaml:3:3
          |
        3 |   deploy: echo b
          |   ^^^^^^
        note: first defined at tasks/a.yaml:2:3
        """)
  }

  @Test func everyProblemOfEveryFileIsReportedAtOnce() {
    let errors = load([
      ("tasks/a.yaml", "tasks:\n  a: {run: echo, timeout: soon}\n  B: echo\n"),
      ("tasks/b.yaml", "tasks:\n  c: {depends: [zzz]}\n"),
    ]).errors
    #expect(errors.count == 3)
  }

  @Test(arguments: [
    (
      "tasks:\n  a: {run: echo, timeout: 5 minutes}\n",
      "invalid `timeout` value `5 minutes`: expected a duration such as `90s`, `10m` or `1h30m`"
    ),
    (
      "tasks:\n  a: {run: echo, extends: b}\n  b: {run: echo, extends: a}\n",
      "`extends` cycle: a → b → a"
    ),
    ("tasks:\n  a: {run: echo, extends: zz}\n", "task `a` extends unknown task `zz`"),
    (
      "tasks:\n  a: {description: nothing}\n",
      "task `a` has nothing to run: give it `run`, `builtin` or `depends`"
    ),
    (
      "tasks:\n  a: {run: echo, builtin: docs-check}\n",
      "`run` and `builtin` cannot be used together"
    ),
    ("tasks:\n  a: {builtin: docs-chek}\n", "unknown built-in `docs-chek`"),
    (
      "tasks:\n  a: {run: 'echo {{ nme }}', args: [name]}\n",
      "`{{ nme }}` is not a parameter of task `a`"
    ),
    (
      "tasks:\n  a: {run: echo, flags: {help: {type: bool}}}\n",
      "flag `--help` of task `a` clashes with blumeops' own `--help`"
    ),
    (
      "tasks:\n  a: {run: echo, aliases: [b]}\n  b: echo\n",
      "alias `b` of task `a` is already taken by `b`"
    ),
    (
      "tasks:\n  Deploy: echo\n",
      "invalid task name `Deploy`: use lowercase letters, digits, `-` and `_`, with `:` between namespaces"
    ),
    ("task:\n  a: echo\n", "unknown key `task` in a task file"),
    ("tasks:\n  a: {run: echo}\n  a: {run: echo}\n", "duplicate key `a`"),
    ("tasks:\n  a: {run: [{sh: echo, exec: [ls]}]}\n", "`sh` and `exec` cannot be used together"),
    (
      "tasks:\n  a: {run: echo, secrets: {T: vault/item}}\n",
      "invalid `secrets.T` value `vault/item`: expected `op://vault/item/field` or `env:NAME`"
    ),
  ])
  func eachBadInputHasItsMessage(text: String, message: String) {
    #expect(
      load(text).errors.map(\.message).contains(message), "\(load(text).errors.map(\.message))")
  }

  @Test func allTaskFileErrorsExitWithTwo() {
    for error in load("tasks:\n  a: {depends: [zz], timeout: x}\n").errors {
      #expect(error.exitCode == 2)
    }
  }
}
