import Testing

/// `blumeops schema`: the committed copy is current, the repository's task files match it, and it
/// agrees with `tasks validate` on wrong task files, one per rule of the key table.
@Suite struct SchemaTests {
  /// Task files, each breaking one rule (or, under `accepted`, keeping to them): the body of
  /// `tasks:` unless it starts with `tasks:` or `env:`.
  static let rejected: [(rule: String, yaml: String)] = [
    ("file: unknown key", "tasks: {a: echo}\nvars: {}"),
    ("file: `tasks` missing", "env: {A: b}"),
    ("task: unknown key", "a: {descripton: x, run: echo}"),
    ("task: invalid name", "Build: {run: echo}"),
    ("task: nothing to run", "a: {description: x}"),
    ("task: `run` and `builtin`", "a: {run: echo, builtin: docs-check-links}"),
    ("task: `preview` without `run`", "a: {preview: echo, depends: [b]}\nb: echo"),
    ("task: `hidden` not a boolean", "a: {hidden: maybe, run: echo}"),
    ("task: `interactive` not a boolean", "a: {interactive: 2, run: echo}"),
    ("task: `description` a mapping", "a: {description: {x: y}, run: echo}"),
    ("task: `aliases` a mapping", "a: {aliases: {x: y}, run: echo}"),
    ("task: `timeout` malformed", "a: {timeout: soon, run: echo}"),
    ("task: `timeout` zero", "a: {timeout: 0s, run: echo}"),
    ("task: `timeout` without a unit", "a: {timeout: 90, run: echo}"),
    ("task: `env` value a mapping", "a: {env: {A: {b: c}}, run: echo}"),
    ("step: unknown key", "a: {run: [{sh: echo, iff: x}]}"),
    ("step: no action", "a: {run: [{dir: x}]}"),
    ("step: two actions", "a: {run: [{sh: echo, exec: [ls]}]}"),
    ("step: empty item", "a: {run: [~]}"),
    ("step: `exec` empty", "a: {run: [{exec: []}]}"),
    ("step: `with` on a shell step", "a: {run: [{sh: echo, with: {x: y}}]}"),
    ("step: `args` on a shell step", "a: {run: [{sh: echo, args: [x]}]}"),
    ("step: `capture` not a variable name", "a: {run: [{sh: echo, capture: 1abc}]}"),
    ("step: `secret` without `capture`", "a: {run: [{sh: echo, secret: true}]}"),
    ("step: `allow_failure` not a boolean", "a: {run: [{sh: echo, allow_failure: sometimes}]}"),
    ("depends: unknown key", "a: {depends: [{task: b, arg: [x]}]}\nb: echo"),
    ("depends: entry without `task`", "a: {depends: [{args: [x]}]}\nb: echo"),
    ("args: unknown key", "a: {args: [{name: x, hlp: y}], run: echo}"),
    ("args: without `name`", "a: {args: [{help: y}], run: echo}"),
    ("args: not a list", "a: {args: x, run: echo}"),
    ("args: `required` not a boolean", "a: {args: [{name: x, required: sure}], run: echo}"),
    ("flags: unknown key", "a: {flags: {f: {typ: int}}, run: echo}"),
    ("flags: unknown type", "a: {flags: {f: {type: float}}, run: echo}"),
    ("flags: `short` of two letters", "a: {flags: {f: {short: ab}}, run: echo}"),
    ("flags: `short: h`", "a: {flags: {f: {short: h}}, run: echo}"),
    ("flags: named `help`", "a: {flags: {help: {type: bool}}, run: echo}"),
    ("flags: not a mapping", "a: {flags: [f], run: echo}"),
    ("secrets: unknown source", "a: {secrets: {T: vault/item}, run: echo}"),
    ("requires: malformed constraint", "a: {requires: ['ansible>=x'], run: echo}"),
    ("preconditions: unknown key", "a: {preconditions: [{sh: 'true', msg: y}], run: echo}"),
    ("preconditions: without `sh`", "a: {preconditions: [{message: y}], run: echo}"),
    ("confirm: unknown key", "a: {confirm: {message: x, expected: y}, run: echo}"),
    ("confirm: without `message`", "a: {confirm: {expect: y}, run: echo}"),
    ("retry: unknown key", "a: {retry: {attempts: 2, wait: 1s}, run: echo}"),
    ("retry: without `attempts`", "a: {retry: {delay: 1s}, run: echo}"),
    ("retry: zero attempts", "a: {retry: {attempts: 0}, run: echo}"),
    ("retry: `backoff` below 1", "a: {retry: {attempts: 2, backoff: 0.5}, run: echo}"),
    ("retry: `delay` malformed", "a: {retry: {attempts: 2, delay: soon}, run: echo}"),
    ("retry: not a number", "a: {retry: often, run: echo}"),
  ]

  static let accepted: [(rule: String, yaml: String)] = [
    ("task: a command alone", "a: echo"),
    ("task: a list of steps alone", "a: [echo, {exec: [ls]}]"),
    ("retry: `delay: 0s`", "a: {retry: {attempts: 3, delay: 0s}, run: echo}"),
    ("retry: a number", "a: {retry: 3, run: echo}"),
    ("booleans: yes and off", "a: {hidden: yes, interactive: off, run: echo}"),
    ("env: scalars kept as written", "env: {A: on, B: 0755}\ntasks: {a: echo}"),
    ("flags: no body", "a: {flags: {f: ~, g: {type: int, short: g, default: 3}}, run: echo}"),
    ("requires: a constraint", "a: {requires: ['ansible-playbook>=2.15', uv], run: echo}"),
    ("secrets: a list of sources", "a: {secrets: {T: [env:T, 'op://v/i/f']}, run: echo}"),
    ("confirm: a typed word", "a: {confirm: {message: Sure?, expect: yes-really}, run: echo}"),
    ("step: captured secret", "a: {run: [{sh: echo, capture: TOKEN, secret: true}, echo]}"),
    ("extends: run inherited", "a: {run: echo}\nb: {extends: a, preview: echo}"),
  ]

  static func file(_ yaml: String) -> String {
    yaml.hasPrefix("tasks:") || yaml.hasPrefix("env:")
      ? yaml + "\n"
      : "tasks:\n" + yaml.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
  }

  @Test func theCommittedSchemaIsWhatTheBinaryPrints() {
    let run = Fixture([:]).run(["schema"])
    #expect(run.status == 0)
    #expect(run.stdout == Fixture.read(Repository.root + "/tasks/schema.json"))
  }

  @Test(.enabled(if: SchemaChecker.available, SchemaChecker.missing))
  func everyTaskFileOfTheRepositoryMatchesTheSchema() {
    let files = Repository.taskFiles.map { Repository.root + "/tasks/" + $0 }
    #expect(files.count >= 8)
    let result = SchemaChecker.rejected(files, schema: Repository.root + "/tasks/schema.json")
    #expect(result.files.isEmpty, "\(result.report)")
  }

  @Test func everyTaskFileOfTheRepositoryNamesTheSchema() {
    for name in Repository.taskFiles {
      let text = Fixture.read(Repository.root + "/tasks/" + name) ?? ""
      #expect(
        text.hasPrefix("# yaml-language-server: $schema=./schema.json\n"), "tasks/\(name)")
    }
  }

  @Test(.enabled(if: SchemaChecker.available, SchemaChecker.missing))
  func theSchemaAndTheValidatorGiveTheSameVerdictOnEachFile() {
    #expect(Self.rejected.count >= 30)
    let cases = Self.rejected.map { ($0, false) } + Self.accepted.map { ($0, true) }
    let fixture = Fixture([:])
    fixture.add("schema.json", fixture.run(["schema"]).stdout)
    var paths: [String] = []
    for (index, entry) in cases.enumerated() {
      let path = "case\(index)/tasks/tasks.yaml"
      fixture.add(path, Self.file(entry.0.yaml))
      paths.append(fixture.root + "/" + path)
    }
    let schema = SchemaChecker.rejected(paths, schema: fixture.root + "/schema.json")
    for (index, entry) in cases.enumerated() {
      let (rule, valid) = (entry.0.rule, entry.1)
      let validator = fixture.run(["-C", "case\(index)", "tasks", "validate"])
      #expect(validator.status == (valid ? 0 : 2), "tasks validate: \(rule)\n\(validator.output)")
      #expect(
        schema.files.contains(paths[index]) == !valid,
        "schema: \(rule)\n\(Self.file(entry.0.yaml))\n\(schema.report)")
    }
  }
}

extension Repository {
  /// The YAML task files of the repository, by name.
  static var taskFiles: [String] {
    let scratch = Fixture.makeTemporaryDirectory(prefix: "list")
    runProcess(["/bin/sh", "-c", "cd '\(root)/tasks' && ls *.yaml > '\(scratch)/names'"])
    return (Fixture.read(scratch + "/names") ?? "").split(separator: "\n").map(String.init)
  }
}
