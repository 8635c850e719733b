import Glibc

/// `--group NAME=TASK,...`: tasks of a plan that an export runs as one job, saving a job's
/// start-up (a checkout, a container) for tasks that are quick or belong together. A member is
/// a task's name, its label (the name with its arguments) or a shell pattern over names
/// (`*-check`).
public struct ExportGroup: Sendable, Equatable {
  public var name: String
  public var members: [String]

  public init(name: String, members: [String]) {
    self.name = name
    self.members = members
  }

  /// Reads `NAME=TASK[,TASK...]`.
  public init(parsing text: String) throws(BlumeopsError) {
    guard let equals = text.firstIndex(of: "=") else {
      throw .invalidExportGroup(
        text, problem: "expected `NAME=TASK[,TASK...]`",
        help: "for example `--group checks='*-check'`")
    }
    let name = String(text[..<equals])
    let members = text[text.index(after: equals)...].split(separator: ",").map {
      String($0.trimmingSpaces)
    }.filter { !$0.isEmpty }
    guard !name.isEmpty else {
      throw .invalidExportGroup(text, problem: "the group has no name", help: nil)
    }
    guard !members.isEmpty else {
      throw .invalidExportGroup(name, problem: "the group names no task", help: nil)
    }
    self.init(name: name, members: members)
  }

  func matches(_ task: PlannedTask, pattern: String) -> Bool {
    if pattern == task.name || pattern == task.label { return true }
    return pattern.contains(where: { "*?[".contains($0) }) && fnmatch(pattern, task.name, 0) == 0
  }

  /// Which group each node of `plan` is in (`nil`: a job of its own), checked: every member
  /// names a task of the plan, no task is in two groups, a `depends_post` task stays alone
  /// (its job runs whatever the result of the jobs it follows, which a group cannot say of one
  /// step), and the jobs' edges have no cycle.
  public static func assign(_ groups: [ExportGroup], in plan: Plan) throws(BlumeopsError) -> [Int?]
  {
    var group = [Int?](repeating: nil, count: plan.nodes.count)
    // A plan is acyclic: without groups there is nothing to check.
    if groups.isEmpty { return group }
    var names: Set<String> = []
    for (index, exported) in groups.enumerated() {
      guard names.insert(exported.name).inserted else {
        throw .invalidExportGroup(exported.name, problem: "the group is given twice", help: nil)
      }
      for pattern in exported.members {
        let matched = plan.nodes.filter { exported.matches($0.task, pattern: pattern) }
        guard !matched.isEmpty else {
          let suggestion = Suggestion.closest(
            to: pattern, in: plan.nodes.lazy.map(\.task.name))
          throw .invalidExportGroup(
            exported.name, problem: "`\(pattern)` is not a task of the plan",
            help: suggestion.map { "did you mean `\($0)`?" }
              ?? "see the plan with `blumeops tasks deps TASK`")
        }
        for node in matched {
          if let other = group[node.id], other != index {
            throw .invalidExportGroup(
              exported.name,
              problem: "task `\(node.task.label)` is already in group `\(groups[other].name)`",
              help: nil)
          }
          if node.isPost {
            throw .invalidExportGroup(
              exported.name,
              problem:
                "task `\(node.task.label)` runs whatever the result of the tasks it follows (`depends_post`), so it stays a job of its own",
              help: nil)
          }
          group[node.id] = index
        }
      }
    }
    if let cycle = cycle(plan, group) {
      let named = cycle.map { node in
        group[node].map { "group `\(groups[$0].name)`" } ?? "`\(plan.nodes[node].task.label)`"
      }
      throw .invalidExportGroup(
        groups[group[cycle[0]]!].name,
        problem: "its job would wait for itself: " + (named + [named[0]]).joined(separator: " → "),
        help: "put the tasks between them in the group too, or split the group")
    }
    return group
  }

  /// A cycle among the jobs, as plan nodes (one per job, the first a group's), if there is one.
  /// Kahn's algorithm over the jobs; what it cannot order holds a cycle, followed from there.
  static func cycle(_ plan: Plan, _ group: [Int?]) -> [Int]? {
    // A job is its group's first node, or the node itself.
    var representative: [Int: Int] = [:]
    let job = plan.nodes.map { node -> Int in
      guard let index = group[node.id] else { return node.id }
      if let first = representative[index] { return first }
      representative[index] = node.id
      return node.id
    }
    var prerequisites = [Set<Int>](repeating: [], count: plan.nodes.count)
    for node in plan.nodes {
      for other in node.dependencies + node.after where job[other] != job[node.id] {
        prerequisites[job[node.id]].insert(job[other])
      }
    }
    let jobs = Set(job)
    var waiting = prerequisites.map(\.count)
    var dependents = [[Int]](repeating: [], count: plan.nodes.count)
    for node in jobs { for other in prerequisites[node] { dependents[other].append(node) } }
    var ready = jobs.filter { waiting[$0] == 0 }.sorted()
    var ordered: Set<Int> = []
    while let node = ready.popLast() {
      ordered.insert(node)
      for dependent in dependents[node] {
        waiting[dependent] -= 1
        if waiting[dependent] == 0 { ready.append(dependent) }
      }
    }
    guard ordered.count < jobs.count else { return nil }
    // Every unordered job waits for another unordered one; walking those links must repeat.
    var start = jobs.subtracting(ordered).min()!
    if group[start] == nil,
      let grouped = jobs.subtracting(ordered).first(where: { group[$0] != nil })
    {
      start = grouped
    }
    var path: [Int] = []
    var seen: [Int: Int] = [:]
    var current = start
    while seen[current] == nil {
      seen[current] = path.count
      path.append(current)
      current = prerequisites[current].filter { !ordered.contains($0) }.min()!
    }
    let loop = Array(path[seen[current]!...])
    // Start the loop at a group, the thing the user can change.
    let first = loop.firstIndex { group[$0] != nil } ?? 0
    return Array(loop[first...] + loop[..<first])
  }
}

extension Substring {
  fileprivate var trimmingSpaces: Substring {
    var text = self
    while text.first == " " { text.removeFirst() }
    while text.last == " " { text.removeLast() }
    return text
  }
}
