/// Finds dependency cycles over `depends`, `depends_post` and `task` steps, each reported once
/// with its whole path.
struct CycleFinder {
  let tasks: [TaskDefinition]
  let owners: [String: Int]

  func cycles() -> [BlumeopsError] {
    let edges: [[(target: Int, reference: TaskReference)]] = tasks.map { task in
      (task.depends + task.dependsPost + TaskValidator.taskSteps(task)).compactMap { reference in
        owners[reference.name].map { ($0, reference) }
      }
    }
    enum Mark { case unvisited, onStack, done }
    var marks = [Mark](repeating: .unvisited, count: tasks.count)
    var errors: [BlumeopsError] = []
    var seenCycles: Set<[Int]> = []
    // Iterative depth-first search: deep chains must not overflow the stack.
    for start in tasks.indices where marks[start] == .unvisited {
      var stack: [(node: Int, next: Int)] = [(start, 0)]
      marks[start] = .onStack
      while let top = stack.last {
        if top.next < edges[top.node].count {
          stack[stack.count - 1].next += 1
          let edge = edges[top.node][top.next]
          switch marks[edge.target] {
          case .unvisited:
            marks[edge.target] = .onStack
            stack.append((edge.target, 0))
          case .onStack:
            let members = stack.map(\.node).drop { $0 != edge.target }
            let canonical = Array(members).sorted()
            if seenCycles.insert(canonical).inserted {
              let path = members.map { tasks[$0].name } + [tasks[edge.target].name]
              errors.append(.dependencyCycle(path, at: edge.reference.location))
            }
          case .done: break
          }
        } else {
          marks[top.node] = .done
          stack.removeLast()
        }
      }
    }
    return errors
  }
}
