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

  /// How many levels the tree shows; `--dot` and `--json` show the whole graph.
  static let treeDepth = 100

  /// The graph as an indented tree. A task whose dependencies were already shown is marked `(*)`
  /// and not expanded again, so shared dependencies (a diamond) print once and the output grows
  /// with the graph, not with the number of paths through it. Built without recursion.
  public func tree() -> String {
    var lines: [String] = []
    var shown: Set<String> = []
    for root in roots {
      let rootEdges = edges(root)
      let repeated = !rootEdges.isEmpty && shown.contains(root.name)
      lines.append(root.name + (repeated ? " (*)" : ""))
      guard !repeated else { continue }
      shown.insert(root.name)
      var stack: [(children: [(name: String, post: Bool)], next: Int, prefix: String)] = [
        (rootEdges, 0, "")
      ]
      while let top = stack.last {
        guard top.next < top.children.count else {
          stack.removeLast()
          continue
        }
        stack[stack.count - 1].next += 1
        let child = top.children[top.next]
        let last = top.next == top.children.count - 1
        let branch = top.prefix + (last ? "└── " : "├── ")
        let children = catalog.task(named: child.name).map(edges) ?? []
        let repeated = !children.isEmpty && shown.contains(child.name)
        lines.append(
          branch + child.name + (child.post ? " (after)" : "") + (repeated ? " (*)" : ""))
        guard !children.isEmpty, !repeated else { continue }
        shown.insert(child.name)
        let prefix = top.prefix + (last ? "    " : "│   ")
        guard stack.count < Self.treeDepth else {
          lines.append(prefix + "└── … (deeper levels: see `--dot` or `--json`)")
          continue
        }
        stack.append((children, 0, prefix))
      }
    }
    return lines.joined(separator: "\n")
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
    .document([("tasks", tasksJSON)])
  }

  private var tasksJSON: JSONValue {
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
