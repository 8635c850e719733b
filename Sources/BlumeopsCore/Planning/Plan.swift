/// Everything a run will do, decided before the first process starts.
///
/// `nodes` are the tasks of the run's DAG; a node's `dependencies` must succeed before it starts,
/// its `after` nodes must have finished (in any way) — that is how `depends_post` is expressed.
public struct Plan: Sendable {
  public var nodes: [PlanNode]
  /// Nodes the user asked for, in order.
  public var roots: [Int]
  /// Absolute path of the project root.
  public var root: String

  public init(nodes: [PlanNode], roots: [Int], root: String) {
    self.nodes = nodes
    self.roots = roots
    self.root = root
  }

  /// Node ids with every node after the ones it waits for, in the order they become ready.
  /// Without recursion: chains may be thousands long.
  public var topologicalOrder: [Int] {
    var waiting = nodes.map { Set($0.dependencies + $0.after).count }
    var dependents = [[Int]](repeating: [], count: nodes.count)
    for node in nodes {
      for prerequisite in Set(node.dependencies + node.after) {
        dependents[prerequisite].append(node.id)
      }
    }
    var queue = nodes.indices.filter { waiting[$0] == 0 }
    var head = 0
    while head < queue.count {
      let index = queue[head]
      head += 1
      for dependent in dependents[index] {
        waiting[dependent] -= 1
        if waiting[dependent] == 0 { queue.append(dependent) }
      }
    }
    return queue
  }

  /// Waves for display: a node's wave is one more than the highest of its prerequisites.
  public var waves: [[Int]] {
    var wave = [Int](repeating: 0, count: nodes.count)
    for index in topologicalOrder {
      for prerequisite in nodes[index].dependencies + nodes[index].after {
        wave[index] = max(wave[index], wave[prerequisite] + 1)
      }
    }
    var result = [[Int]](repeating: [], count: (wave.max() ?? -1) + 1)
    for index in nodes.indices { result[wave[index]].append(index) }
    return result
  }
}

/// One task of the run's DAG, with parameters bound.
public struct PlanNode: Sendable {
  public var id: Int
  public var task: PlannedTask
  /// Nodes that must succeed first.
  public var dependencies: [Int]
  /// Nodes this one is a `depends_post` of: it runs once they have all finished, if any of them started.
  public var after: [Int]

  public init(id: Int, task: PlannedTask, dependencies: [Int] = [], after: [Int] = []) {
    self.id = id
    self.task = task
    self.dependencies = dependencies
    self.after = after
  }

  public var isPost: Bool { !after.isEmpty }
}

/// A task ready to be carried out: steps with parameters substituted, environment decided.
public struct PlannedTask: Sendable {
  /// What the user sees: the task name, followed by its arguments when it has any.
  public var label: String
  public var name: String
  public var steps: [PlannedStep]
  /// Absolute working directory.
  public var directory: String
  /// Variables added to the inherited environment, in order (file env, task env, `usage_*`).
  public var environment: [EnvironmentVariable]
  public var secrets: [SecretRequirement]
  public var timeout: Duration?
  public var retry: RetryPolicy?
  public var lock: String?
  public var interactive: Bool
  /// Where the task was defined, for messages.
  public var definedAt: SourceLocation?
  /// Set for a gated task: its preview, which runs and is confirmed before `steps`.
  public var gate: PreviewGate?

  public init(
    label: String, name: String, steps: [PlannedStep], directory: String,
    environment: [EnvironmentVariable] = [], secrets: [SecretRequirement] = [],
    timeout: Duration? = nil, retry: RetryPolicy? = nil, lock: String? = nil,
    interactive: Bool = false, definedAt: SourceLocation? = nil
  ) {
    self.label = label
    self.name = name
    self.steps = steps
    self.directory = directory
    self.environment = environment
    self.secrets = secrets
    self.timeout = timeout
    self.retry = retry
    self.lock = lock
    self.interactive = interactive
    self.definedAt = definedAt
  }

  /// Whether a step runs another task inline (and so gets a row of its own in the summary).
  public var hasSubtaskSteps: Bool {
    steps.contains { if case .task = $0.action { return true } else { return false } }
  }
}

/// One step of a planned task.
public struct PlannedStep: Sendable {
  public indirect enum Action: Sendable {
    /// A script for `bash -e -o pipefail -c` (parameters already quoted in).
    case shell(String)
    /// An argv run with no shell.
    case exec([String])
    /// A sub-task run in sequence, inline.
    case task(PlannedTask)
    /// A native built-in with its options.
    case builtin(name: String, options: [String: String])
  }

  public var action: Action
  /// Absolute working directory (the task's unless the step overrides it).
  public var directory: String
  public var environment: [EnvironmentVariable]
  public var allowFailure: Bool
  /// A shell condition; the step is skipped when it exits non-zero.
  public var condition: String?
  /// Name of the variable that receives the step's trimmed stdout for later steps.
  public var capture: String?
  /// The captured value is a secret: masked like one.
  public var captureIsSecret: Bool

  public init(
    _ action: Action, directory: String, environment: [EnvironmentVariable] = [],
    allowFailure: Bool = false, condition: String? = nil, capture: String? = nil,
    captureIsSecret: Bool = false
  ) {
    self.action = action
    self.directory = directory
    self.environment = environment
    self.allowFailure = allowFailure
    self.condition = condition
    self.capture = capture
    self.captureIsSecret = captureIsSecret
  }
}

public struct EnvironmentVariable: Sendable, Hashable {
  public var name: String
  public var value: String

  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}

/// A secret to resolve before the run: the variable it fills and the sources to try, in order.
public struct SecretRequirement: Sendable, Hashable {
  public var variable: String
  public var sources: [SecretSource]
  public var definedAt: SourceLocation?

  public init(variable: String, sources: [SecretSource], definedAt: SourceLocation? = nil) {
    self.variable = variable
    self.sources = sources
    self.definedAt = definedAt
  }
}

public enum SecretSource: Sendable, Hashable, CustomStringConvertible {
  /// `op://vault/item/field`, kept whole.
  case onePassword(String)
  /// `env:NAME`
  case environment(String)

  public var description: String {
    switch self {
    case .onePassword(let reference): return reference
    case .environment(let name): return "env:\(name)"
    }
  }
}

public struct RetryPolicy: Sendable, Hashable {
  public var attempts: Int
  public var delay: Duration
  public var backoff: Double

  public init(attempts: Int, delay: Duration = .zero, backoff: Double = 1) {
    self.attempts = attempts
    self.delay = delay
    self.backoff = backoff
  }

  /// The pause before attempt `n` (2-based: the first retry). It grows by `backoff` per attempt
  /// up to `Duration.longestInTaskFile`, so no number of attempts overflows it.
  public func delay(beforeAttempt attempt: Int) -> Duration {
    var pause = delay
    guard attempt > 2, backoff > 1, pause > .zero else { return pause }
    let longest = Duration.longestInTaskFile
    for _ in 2..<attempt {
      guard pause.seconds * backoff < longest.seconds else { return longest }
      pause = pause * backoff
    }
    return pause
  }
}

/// A file and position, for messages about task definitions.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// Path relative to the project root, with `/` separators.
  public var file: String
  public var position: SourcePosition

  public init(file: String, position: SourcePosition) {
    self.file = file
    self.position = position
  }

  public var description: String { "\(file):\(position.line):\(position.column)" }
}
