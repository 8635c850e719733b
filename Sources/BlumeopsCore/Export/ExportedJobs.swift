/// A plan as the jobs of another engine: one per plan node, with a name that engine accepts,
/// the command that runs it there, and its edges. Shared by the Actions and Argo exports.
public struct ExportedJobs: Sendable {
  public struct Job: Sendable {
    /// Unique, made of the characters the target engine allows.
    public var id: String
    public var label: String
    /// `blumeops --only …`: the one task, its arguments already quoted for a shell.
    public var command: String
    /// Jobs that must succeed first (`depends`).
    public var needs: [Int]
    /// Jobs this one follows whatever their result (`depends_post`).
    public var after: [Int]
    /// Environment variables the task's secrets may be read from (`env:NAME` sources).
    public var secretVariables: [String]
    /// Whether a secret may be read from 1Password where the job runs.
    public var readsOnePassword: Bool
  }

  public var jobs: [Job]

  /// `allowed` says which characters an id may hold; others become `replacement`.
  public init(
    _ plan: Plan, allowed: (Character) -> Bool, replacement: Character, lowercase: Bool
  ) {
    var taken: Set<String> = []
    var jobs: [Job] = []
    jobs.reserveCapacity(plan.nodes.count)
    for node in plan.nodes {
      let task = node.task
      var base = String(
        (lowercase ? task.label.lowercased() : task.label).map { allowed($0) ? $0 : replacement })
      while base.last == replacement { base.removeLast() }
      if base.isEmpty || !(base.first!.isLetter || base.first == "_" && replacement == "_") {
        base = "t" + String(replacement) + base
      }
      var id = base
      var suffix = 2
      while !taken.insert(id).inserted {
        id = base + String(replacement) + String(suffix)
        suffix += 1
      }
      var variables: [String] = []
      var onePassword = false
      for secret in task.secrets {
        for source in secret.sources {
          switch source {
          case .onePassword: onePassword = true
          case .environment(let name):
            if !variables.contains(name) { variables.append(name) }
          }
        }
      }
      jobs.append(
        Job(
          id: id, label: task.label, command: "blumeops --only " + task.label,
          needs: node.dependencies, after: [], secretVariables: variables,
          readsOnePassword: onePassword))
    }
    // A post node lists the nodes it follows in `after`.
    for node in plan.nodes { jobs[node.id].after = node.after }
    self.jobs = jobs
  }
}

/// YAML scalars written as JSON strings: double-quoted YAML accepts every JSON escape, so any
/// text is safe, whatever it holds.
enum YAMLText {
  static func quoted(_ text: String) -> String { JSONValue.string(text).serialized() }

  static func list(_ items: [String]) -> String {
    "[" + items.map(quoted).joined(separator: ", ") + "]"
  }
}
