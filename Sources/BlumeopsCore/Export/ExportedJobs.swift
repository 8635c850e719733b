/// A plan as the jobs of another engine: one per plan node, or one per group of nodes the user
/// chose (`--group`), with a name that engine accepts, the tasks each runs, and its edges.
/// Shared by the Actions and Argo exports.
public struct ExportedJobs: Sendable {
  public struct Job: Sendable {
    /// Unique, made of the characters the target engine allows.
    public var id: String
    /// The task's label, or the group's name.
    public var label: String
    /// The labels of the tasks it runs, in an order that keeps the plan's edges between them.
    public var tasks: [String]
    /// Jobs that must succeed first (`depends`).
    public var needs: [Int]
    /// Jobs this one follows whatever their result (`depends_post`).
    public var after: [Int]
    /// Environment variables the tasks' secrets may be read from (`env:NAME` sources).
    public var secretVariables: [String]
    /// Whether a secret may be read from 1Password where the job runs.
    public var readsOnePassword: Bool

    /// `blumeops --only …` for one of its tasks; the label's arguments are already quoted.
    public static func command(_ task: String) -> String { "blumeops --only " + task }

    /// What follows `blumeops --only` to run all of its tasks in one blumeops run.
    public var onlyWords: String {
      tasks.count == 1 ? tasks[0] : "run " + tasks.joined(separator: " ::: ")
    }
  }

  public var jobs: [Job]

  /// `allowed` says which characters an id may hold; others become `replacement`.
  public init(
    _ plan: Plan, groups: [ExportGroup] = [], allowed: (Character) -> Bool,
    replacement: Character, lowercase: Bool
  ) throws(BlumeopsError) {
    let membership = try ExportGroup.assign(groups, in: plan)
    var taken: Set<String> = []
    func identifier(_ label: String) -> String {
      var base = String(
        (lowercase ? label.lowercased() : label).map { allowed($0) ? $0 : replacement })
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
      return id
    }
    // Groups take their names first: the user chose them.
    var groupJob: [Int: Int] = [:]
    var jobs: [Job] = []
    for (index, group) in groups.enumerated() {
      groupJob[index] = jobs.count
      jobs.append(
        Job(
          id: identifier(group.name), label: group.name, tasks: [], needs: [], after: [],
          secretVariables: [], readsOnePassword: false))
    }
    var jobOfNode = [Int](repeating: 0, count: plan.nodes.count)
    jobs.reserveCapacity(groups.count + plan.nodes.count)
    for node in plan.nodes {
      if let group = membership[node.id] {
        jobOfNode[node.id] = groupJob[group]!
      } else {
        jobOfNode[node.id] = jobs.count
        jobs.append(
          Job(
            id: identifier(node.task.label), label: node.task.label, tasks: [], needs: [],
            after: [], secretVariables: [], readsOnePassword: false))
      }
    }
    // A group's steps run in turn, so their order must keep the plan's edges; a job of one
    // task has no order to keep.
    let order = groups.isEmpty ? Array(plan.nodes.indices) : plan.topologicalOrder
    for node in order.lazy.map({ plan.nodes[$0] }) {
      let job = jobOfNode[node.id]
      jobs[job].tasks.append(node.task.label)
      for secret in node.task.secrets {
        for source in secret.sources {
          switch source {
          case .onePassword: jobs[job].readsOnePassword = true
          case .environment(let name):
            if !jobs[job].secretVariables.contains(name) {
              jobs[job].secretVariables.append(name)
            }
          }
        }
      }
      for other in node.dependencies where jobOfNode[other] != job {
        if !jobs[job].needs.contains(jobOfNode[other]) { jobs[job].needs.append(jobOfNode[other]) }
      }
      // Only a task of its own follows others (`ExportGroup.assign` keeps post tasks apart).
      jobs[job].after = node.after.map { jobOfNode[$0] }
    }
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

/// A workflow's lines, written straight into its text: an export of a large plan has a
/// hundred thousand of them.
struct WorkflowText: ExpressibleByArrayLiteral {
  private(set) var text = ""

  init(arrayLiteral lines: String...) {
    for line in lines { append(line) }
  }

  mutating func append(_ line: String) {
    text += line
    text += "\n"
  }

  static func += (text: inout WorkflowText, lines: [String]) {
    for line in lines { text.append(line) }
  }

  /// Room for about `count` more lines.
  mutating func reserve(lines count: Int) { text.reserveCapacity(text.utf8.count + count * 32) }
}
