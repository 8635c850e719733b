/// Bounds what `task` steps expand to. A sub-task called from a step runs inline, each time it is
/// called, so the plan holds a copy of it per call: a chain of such steps nests the plan (and every
/// walk over it) as deep as the chain, and a diamond of them doubles it per level.
///
/// Both are measured once per task, bottom-up, without recursion; cycles are left to `CycleFinder`.
struct StepNesting {
  /// How many tasks deep `task` steps may nest, the calling task included.
  static let maximumDepth = 64
  /// How many steps a task may run once its `task` steps are expanded (each counts as a step too).
  static let maximumSteps = 10_000

  let tasks: [TaskDefinition]
  let owners: [String: Int]

  func errors() -> [BlumeopsError] {
    // The `task` steps of each task, as (target, reference) pairs.
    let edges: [[(target: Int, reference: TaskReference)]] = tasks.map { task in
      TaskValidator.taskSteps(task).compactMap { reference in
        owners[reference.name].map { ($0, reference) }
      }
    }
    // depth: tasks on the longest chain of `task` steps from here; next: the task it continues in.
    // steps: the expanded step count, saturated just past the limit.
    var depth = [Int](repeating: 0, count: tasks.count)
    var next = [Int?](repeating: nil, count: tasks.count)
    var steps = [Int](repeating: 0, count: tasks.count)
    enum Mark { case unvisited, onStack, done }
    var marks = [Mark](repeating: .unvisited, count: tasks.count)
    for start in tasks.indices where marks[start] == .unvisited {
      var stack: [(node: Int, edge: Int)] = [(start, 0)]
      marks[start] = .onStack
      while let top = stack.last {
        if top.edge < edges[top.node].count {
          stack[stack.count - 1].edge += 1
          let target = edges[top.node][top.edge].target
          if marks[target] == .unvisited {
            marks[target] = .onStack
            stack.append((target, 0))
          }
          continue
        }
        stack.removeLast()
        marks[top.node] = .done
        var deepest = 0
        var total = tasks[top.node].steps.count
        for edge in edges[top.node] where marks[edge.target] == .done && edge.target != top.node {
          if depth[edge.target] > deepest {
            deepest = depth[edge.target]
            next[top.node] = edge.target
          }
          total = min(total + steps[edge.target], Self.maximumSteps + 1)
        }
        depth[top.node] = deepest + 1
        steps[top.node] = total
      }
    }
    // Report each problem once, at the outermost task that has it.
    var errors: [BlumeopsError] = []
    let tooDeep = tasks.indices.map { depth[$0] > Self.maximumDepth }
    let tooMany = tasks.indices.map { steps[$0] > Self.maximumSteps }
    var deepInside = [Bool](repeating: false, count: tasks.count)
    var manyInside = [Bool](repeating: false, count: tasks.count)
    for index in tasks.indices {
      for edge in edges[index] {
        if tooDeep[index] { deepInside[edge.target] = true }
        if tooMany[index] { manyInside[edge.target] = true }
      }
    }
    for index in tasks.indices {
      if tooDeep[index], !deepInside[index] {
        var path = [tasks[index].name]
        var current = index
        while let following = next[current], path.count <= Self.maximumDepth {
          path.append(tasks[following].name)
          current = following
        }
        let step = edges[index].first { $0.target == next[index] }!.reference
        errors.append(
          .subtasksTooDeep(path: path, limit: Self.maximumDepth, at: step.location))
      }
      if tooMany[index], !manyInside[index] {
        errors.append(
          .subtasksTooMany(
            task: tasks[index].name, limit: Self.maximumSteps,
            at: firstStepPastLimit(index, edges: edges[index], steps: steps)))
      }
    }
    return errors
  }

  /// The `task` step at which the task's expanded step count passes the limit.
  private func firstStepPastLimit(
    _ index: Int, edges: [(target: Int, reference: TaskReference)], steps: [Int]
  ) -> SourceLocation {
    var total = tasks[index].steps.count
    for edge in edges {
      total += steps[edge.target]
      if total > Self.maximumSteps { return edge.reference.location }
    }
    return edges.last?.reference.location ?? tasks[index].location
  }
}
