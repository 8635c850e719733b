/// `blumeops tasks deps`: the dependency graph between task names, as a tree, DOT, Mermaid or JSON.
public struct DependencyGraph {
  public let catalog: TaskCatalog
  /// Tasks to start from; every visible task when empty.
  public let roots: [TaskDefinition]

  public init(catalog: TaskCatalog, roots: [TaskDefinition]) {
    self.catalog = catalog
    self.roots =
      roots.isEmpty ? catalog.tasks.filter { !$0.hidden }.sorted { $0.name < $1.name } : roots
  }

  /// Edges of a task: dependencies first, then post tasks marked as such.
  func edges(_ task: TaskDefinition) -> [(name: String, post: Bool)] {
    let resolve = { (reference: TaskReference) in
      catalog.task(named: reference.name)?.name ?? reference.name
    }
    return (task.depends + TaskValidator.taskSteps(task)).map { (resolve($0), false) }
      + task.dependsPost.map { (resolve($0), true) }
  }

  /// Every task reachable from the roots, in first-seen order.
  var reachable: [TaskDefinition] {
    var seen: Set<String> = []
    var order: [TaskDefinition] = []
    var stack = roots.reversed().map(\.name)
    while let name = stack.popLast() {
      guard seen.insert(name).inserted, let task = catalog.task(named: name) else { continue }
      order.append(task)
      stack += edges(task).map(\.name).reversed()
    }
    return order
  }

  public func tree() -> String {
    var lines: [String] = []
    for root in roots {
      lines.append(root.name)
      var path: Set<String> = [root.name]
      walk(root, prefix: "", path: &path, lines: &lines)
    }
    return lines.joined(separator: "\n")
  }

  private func walk(
    _ task: TaskDefinition, prefix: String, path: inout Set<String>, lines: inout [String]
  ) {
    let children = edges(task)
    for (index, child) in children.enumerated() {
      let last = index == children.count - 1
      let label = child.name + (child.post ? " (after)" : "")
      lines.append(prefix + (last ? "└── " : "├── ") + label)
      guard let next = catalog.task(named: child.name), !path.contains(child.name) else { continue }
      path.insert(child.name)
      walk(next, prefix: prefix + (last ? "    " : "│   "), path: &path, lines: &lines)
      path.remove(child.name)
    }
  }

  public func dot() -> String {
    var lines = ["digraph blumeops {", "  rankdir=LR;"]
    for task in reachable {
      lines.append("  \"\(task.name)\";")
      for edge in edges(task) {
        lines.append(
          "  \"\(task.name)\" -> \"\(edge.name)\""
            + (edge.post ? " [style=dashed, label=\"after\"];" : ";"))
      }
    }
    lines.append("}")
    return lines.joined(separator: "\n")
  }

  public func mermaid() -> String {
    var identifiers: [String: String] = [:]
    for (index, task) in reachable.enumerated() { identifiers[task.name] = "t\(index)" }
    var lines = ["graph LR"]
    for task in reachable {
      let id = identifiers[task.name]!
      lines.append("  \(id)[\"\(task.name)\"]")
      for edge in edges(task) {
        guard let target = identifiers[edge.name] else { continue }
        lines.append("  \(id) " + (edge.post ? "-. after .->" : "-->") + " \(target)")
      }
    }
    return lines.joined(separator: "\n")
  }

  public func json() -> JSONValue {
    .object(
      reachable.map { task in
        (
          task.name,
          .object([
            ("depends", .array(edges(task).filter { !$0.post }.map { .string($0.name) })),
            ("depends_post", .array(edges(task).filter(\.post).map { .string($0.name) })),
          ])
        )
      })
  }
}
