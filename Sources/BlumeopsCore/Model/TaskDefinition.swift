/// A task as written in the task files, with `extends` already applied.
///
/// Its fields live in one shared, copy-on-write box: the planner, preflight and the presentations
/// look definitions up thousands of times on a large DAG, and copying two dozen arrays and strings
/// each time (a retain and a release apiece) was the largest single cost of a dry run.
@dynamicMemberLookup
public struct TaskDefinition: Sendable {
  /// Everything a task file can say about one task.
  public struct Fields: Sendable {
    public var name: String
    /// Where the task's name is written.
    public var location: SourceLocation
    public var description: String? = nil
    public var aliases: [String] = []
    public var hidden = false
    public var depends: [TaskReference] = []
    public var dependsPost: [TaskReference] = []
    public var steps: [StepDefinition] = []
    public var directory: String? = nil
    public var environment: [EnvironmentVariable] = []
    public var arguments: [ArgumentSpec] = []
    public var flags: [FlagSpec] = []
    public var secrets: [SecretRequirement] = []
    public var requires: [ToolRequirement] = []
    public var preconditions: [Precondition] = []
    public var confirm: Confirmation? = nil
    /// The steps that show what the task's `run` would change; set, the task is gated: its
    /// `run` starts only after the preview ran and its change was confirmed.
    public var preview: [StepDefinition]? = nil
    public var timeout: Duration? = nil
    public var retry: RetryPolicy? = nil
    public var lock: String? = nil
    public var interactive = false
    public var extends: String? = nil
    public var sources: [String] = []
    public var outputs: [String] = []
    /// Set for a mise-style file task: the script's path relative to the project root.
    public var script: String? = nil
  }

  @usableFromInline final class Box: @unchecked Sendable {
    // Mutated only by the writable subscript below, after a uniqueness check: never shared.
    @usableFromInline var fields: Fields
    @usableFromInline init(_ fields: Fields) { self.fields = fields }
  }

  @usableFromInline var box: Box

  public init(name: String, location: SourceLocation) {
    box = Box(Fields(name: name, location: location))
  }

  // Inlined, so that each `definition.field` compiles to a plain field access: otherwise every
  // key path is built at run time, and the first of each cost a run-time type lookup.
  @inlinable @inline(__always)
  public subscript<Value>(dynamicMember path: KeyPath<Fields, Value>) -> Value {
    box.fields[keyPath: path]
  }

  @inlinable @inline(__always)
  public subscript<Value>(dynamicMember path: WritableKeyPath<Fields, Value>) -> Value {
    get { box.fields[keyPath: path] }
    set {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
      box.fields[keyPath: path] = newValue
    }
  }

  /// Every name the task answers to.
  public var names: [String] { [box.fields.name] + box.fields.aliases }
}

/// A reference to another task, with the arguments and flags to give it.
public struct TaskReference: Sendable, Hashable {
  public var name: String
  public var arguments: [String]
  public var flags: [String: String]
  public var location: SourceLocation

  public init(
    name: String, arguments: [String] = [], flags: [String: String] = [:],
    location: SourceLocation
  ) {
    self.name = name
    self.arguments = arguments
    self.flags = flags
    self.location = location
  }
}

/// One step as written.
public struct StepDefinition: Sendable {
  public enum Action: Sendable {
    case shell(String)
    case exec([String])
    case task(TaskReference)
    case builtin(name: String, options: [(key: String, value: String)])
  }

  public var action: Action
  public var location: SourceLocation
  public var directory: String?
  public var environment: [EnvironmentVariable] = []
  public var allowFailure = false
  public var condition: String?
  public var capture: String?
  public var captureIsSecret = false

  public init(_ action: Action, location: SourceLocation) {
    self.action = action
    self.location = location
  }
}

/// A positional parameter.
public struct ArgumentSpec: Sendable, Hashable {
  public var name: String
  public var help: String?
  public var required: Bool
  public var defaultValue: String?
  public var choices: [String]
  public var variadic: Bool

  public init(
    name: String, help: String? = nil, required: Bool = true, defaultValue: String? = nil,
    choices: [String] = [], variadic: Bool = false
  ) {
    self.name = name
    self.help = help
    self.required = required
    self.defaultValue = defaultValue
    self.choices = choices
    self.variadic = variadic
  }
}

/// A named parameter (`--name value`, `-s value`, or `--name` for booleans).
public struct FlagSpec: Sendable, Hashable {
  public enum Kind: String, Sendable { case string, int, bool }

  public var name: String
  public var kind: Kind
  public var short: Character?
  public var defaultValue: String?
  public var choices: [String]
  public var help: String?
  /// An environment variable that supplies the value when the flag is not given.
  public var environment: String?

  public init(
    name: String, kind: Kind = .string, short: Character? = nil, defaultValue: String? = nil,
    choices: [String] = [], help: String? = nil, environment: String? = nil
  ) {
    self.name = name
    self.kind = kind
    self.short = short
    self.defaultValue = defaultValue
    self.choices = choices
    self.help = help
    self.environment = environment
  }
}

/// A tool that must be on PATH, optionally with a minimum version.
public struct ToolRequirement: Sendable, Hashable {
  public var tool: String
  /// A constraint such as `>=2.15`.
  public var constraint: VersionConstraint?
  public var location: SourceLocation

  public init(tool: String, constraint: VersionConstraint? = nil, location: SourceLocation) {
    self.tool = tool
    self.constraint = constraint
    self.location = location
  }
}

public struct Precondition: Sendable, Hashable {
  /// How long a precondition may take unless it says otherwise: enough for a network check,
  /// short enough that a hung one does not hold up a run unnoticed.
  public static let defaultTimeout = Duration.seconds(30)

  public var command: String
  public var message: String
  /// Past this, the check's process group is stopped and the check fails.
  public var timeout: Duration
  public var location: SourceLocation

  public init(
    command: String, message: String, timeout: Duration = defaultTimeout,
    location: SourceLocation
  ) {
    self.command = command
    self.message = message
    self.timeout = timeout
    self.location = location
  }
}

public struct Confirmation: Sendable, Hashable {
  public var message: String
  /// A word the user must type; nil for a yes/no question.
  public var expect: String?

  public init(message: String, expect: String? = nil) {
    self.message = message
    self.expect = expect
  }
}
