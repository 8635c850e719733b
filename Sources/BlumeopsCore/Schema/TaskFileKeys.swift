/// The task file format, mapping by mapping: the table the interpreters check keys against and
/// `blumeops schema` turns into a JSON Schema.
public enum TaskFileKeys {
  /// A task name: `[a-z0-9][a-z0-9_-]*`, optionally namespaced with `:`.
  public static let taskName = "^[a-z0-9][a-z0-9_-]*(:[a-z0-9][a-z0-9_-]*)*$"

  /// A step: a shell command, or a step mapping.
  static let stepItem = TaskFileValue.either([.command, .section("step")])
  /// `run` and `preview`: one step or a list of them.
  static let steps = TaskFileValue.either([.text, .section("step"), .list(stepItem, minimum: 0)])
  /// A task: its mapping, or its steps alone.
  static let taskBody = TaskFileValue.either([
    .text, .list(stepItem, minimum: 0), .section("task"),
  ])
  /// `depends` entries: names or references, one or a list.
  static let references = TaskFileValue.either([
    .text, .section("reference"), .list(.either([.command, .section("reference")]), minimum: 0),
  ])
  static let secretSource = TaskFileValue.pattern(
    "^(op://.*|env:.+)$", expected: "`op://vault/item/field` or `env:NAME`")
  /// A secret's sources, tried in order.
  static let secretSources = TaskFileValue.either([secretSource, .list(secretSource, minimum: 0)])
  static let requirement = TaskFileValue.pattern(
    "^([^<>=]+|\\s*[^<>=\\s][^<>=]*(>=|<=|>|<|=)\\s*[0-9][^<>=]*)$",
    expected: "a tool name, optionally with a constraint like `>=2.15`")

  public static let file = TaskFileSection(
    "file", "A task file: `tasks/*.yaml`.",
    keys: [
      TaskFileKey(
        "tasks", .map(taskBody, names: taskName),
        "The tasks of this file, by name; a name is unique across all files."),
      TaskFileKey("env", .environment, "Environment for every task of this file."),
    ],
    required: ["tasks"])

  public static let task = TaskFileSection(
    "task", "A task: at least one of `run`, `builtin`, `depends` (or inherited with `extends`).",
    keys: [
      TaskFileKey("description", .text, "One line, shown by `blumeops tasks`."),
      TaskFileKey("aliases", .texts, "Other names for the task."),
      TaskFileKey("hidden", .bool, "Not listed unless `--hidden`; still runnable."),
      TaskFileKey(
        "depends", references,
        "Tasks that must succeed first; they run in parallel with each other."),
      TaskFileKey(
        "depends_post", references,
        "Tasks run after this one finishes (also after it fails)."),
      TaskFileKey(
        "run", steps, "Steps, run in order, stopping at the first failure."),
      TaskFileKey("builtin", .command, "Shorthand for a single native built-in step."),
      TaskFileKey("dir", .text, "Working directory, relative to the project root."),
      TaskFileKey("env", .environment, "Extra environment variables."),
      TaskFileKey("args", .list(.section("argument"), minimum: 0), "Positional parameters."),
      TaskFileKey(
        "flags", .map(.either([.empty, .section("flag")]), names: "^(?!help$)"),
        "Named parameters, by name (`help` is the runner's)."),
      TaskFileKey(
        "secrets", .map(secretSources, names: nil),
        "Environment variables read from secret sources at run time, masked in all output."),
      TaskFileKey(
        "requires", .either([requirement, .list(requirement, minimum: 0)]),
        "Tools needed on PATH, optionally with a version constraint (`ansible-playbook>=2.15`)."),
      TaskFileKey(
        "preconditions",
        .either([.section("precondition"), .list(.section("precondition"), minimum: 0)]),
        "Shell checks that must pass before anything runs."),
      TaskFileKey(
        "confirm", .either([.text, .section("confirm")]),
        "A question asked before the run starts, or `{message, expect: WORD}`."),
      TaskFileKey(
        "timeout", .duration(allowsZero: false),
        "On expiry the task's process group gets SIGTERM, then SIGKILL."),
      TaskFileKey(
        "retry", .either([.integer(minimum: nil), .section("retry")]),
        "Attempts (a number), or `{attempts, delay, backoff}`, for transient failures."),
      TaskFileKey(
        "lock", .text, "A name; tasks holding the same lock never run at once."),
      TaskFileKey(
        "interactive", .bool, "The task gets the terminal and runs alone, unprefixed."),
      TaskFileKey("extends", .text, "Another task whose keys this one inherits."),
      TaskFileKey(
        "sources", .texts, "Globs; the task is skipped while they are unchanged since a success."),
      TaskFileKey("outputs", .texts, "Globs of what the task makes."),
      TaskFileKey(
        "preview", steps,
        "Steps that preview the change: run and shown before the confirmation, then `run` applies."
      ),
    ],
    atLeastOne: ["run", "builtin", "depends", "extends"],
    needs: [("preview", ["run", "builtin", "extends"])],
    conflicts: [["run", "builtin"]])

  public static let step = TaskFileSection(
    "step", "A step mapping: exactly one of `sh`, `exec`, `task`, `builtin`.",
    keys: [
      TaskFileKey("sh", .text, "A shell script (`bash -e -o pipefail -c`)."),
      TaskFileKey("exec", .list(.command, minimum: 1), "A program and its arguments; no shell."),
      TaskFileKey("task", .command, "A sub-task, run in sequence."),
      TaskFileKey("builtin", .command, "A native built-in."),
      TaskFileKey("with", .map(.text, names: nil), "The built-in's options."),
      TaskFileKey("args", .texts, "The sub-task's arguments."),
      TaskFileKey("flags", .map(.text, names: nil), "The sub-task's flags."),
      TaskFileKey("dir", .text, "Working directory of this step."),
      TaskFileKey("env", .environment, "Extra environment of this step."),
      TaskFileKey("allow_failure", .bool, "A failure of this step does not fail the task."),
      TaskFileKey("if", .text, "A shell condition; the step runs only when it succeeds."),
      TaskFileKey(
        "capture", .pattern("^[A-Za-z_][A-Za-z0-9_]*$", expected: "an environment variable name"),
        "Keep the step's output in this variable for the later steps."),
      TaskFileKey("secret", .bool, "The captured value is a secret: masked in all output."),
    ],
    exactlyOne: ["sh", "exec", "task", "builtin"],
    needs: [("with", ["builtin"]), ("args", ["task"]), ("flags", ["task"])],
    trueNeeds: [("secret", "capture")])

  public static let reference = TaskFileSection(
    "reference", "A task with arguments: `{task: NAME, args: [...], flags: {...}}`.",
    keys: [
      TaskFileKey("task", .command, "The task's name."),
      TaskFileKey("args", .texts, "Its arguments."),
      TaskFileKey("flags", .map(.text, names: nil), "Its flags."),
    ],
    required: ["task"])

  public static let argument = TaskFileSection(
    "argument", "A positional parameter: a name, or a mapping.",
    keys: [
      TaskFileKey("name", .command, "The name: `{{ name }}` and `usage_name` in steps."),
      TaskFileKey("help", .text, "Shown by `blumeops <task> --help`."),
      TaskFileKey("required", .bool, "Must be given (the default when there is no default)."),
      TaskFileKey("default", .text, "The value when none is given."),
      TaskFileKey("choices", .texts, "The only values allowed."),
      TaskFileKey("variadic", .bool, "Takes all remaining words (the last argument only)."),
    ],
    required: ["name"])

  public static let flag = TaskFileSection(
    "flag", "A named parameter.",
    keys: [
      TaskFileKey(
        "type", .choice(["string", "int", "bool"]), "The value's type (default: string)."),
      TaskFileKey(
        "short", .pattern("^-?(?![hH]$)[A-Za-z0-9]$", expected: "a single letter other than `h`"),
        "A one-letter form (`-h` is the runner's)."),
      TaskFileKey("default", .text, "The value when the flag is not given."),
      TaskFileKey("choices", .texts, "The only values allowed."),
      TaskFileKey("help", .text, "Shown by `blumeops <task> --help`."),
      TaskFileKey("env", .text, "An environment variable that supplies the value."),
    ])

  public static let precondition = TaskFileSection(
    "precondition", "A shell check, or `{sh, message}`.",
    keys: [
      TaskFileKey("sh", .command, "The check; it passes when it exits 0."),
      TaskFileKey("message", .text, "What to say when it fails."),
      TaskFileKey(
        "timeout", .duration(allowsZero: false),
        "How long it may run before it counts as failed (default 30s)."),
    ],
    required: ["sh"])

  public static let confirm = TaskFileSection(
    "confirm", "A confirmation that asks for a typed word.",
    keys: [
      TaskFileKey("message", .command, "The question."),
      TaskFileKey("expect", .text, "The word the user must type."),
    ],
    required: ["message"])

  public static let retry = TaskFileSection(
    "retry", "How to retry a failed task.",
    keys: [
      TaskFileKey("attempts", .integer(minimum: 1), "Attempts in all, the first included."),
      TaskFileKey(
        "delay", .duration(allowsZero: true), "The wait before the second attempt (`0s`: none)."),
      TaskFileKey("backoff", .number(minimum: 1), "The factor by which each wait grows."),
    ],
    required: ["attempts"])

  /// Every mapping of the format, in the order the schema lists them.
  public static let sections = [
    file, task, step, reference, argument, flag, precondition, confirm, retry,
  ]
}
