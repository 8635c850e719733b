extension Plan {
  /// The built-ins of a run whose every step is a built-in, or nil when any step may start a
  /// process (a command, a script or a condition). Only in such a run can nothing change the
  /// files a built-in reads before it starts, so what it reads may be read ahead, and shared.
  public var builtinsAlone: Set<String>? {
    var names: Set<String> = []
    for node in nodes {
      guard Self.collectBuiltins(of: node.task, into: &names) else { return nil }
    }
    return names
  }

  private static func collectBuiltins(of task: PlannedTask, into names: inout Set<String>) -> Bool {
    for step in task.steps {
      guard step.condition == nil else { return false }
      switch step.action {
      case .builtin(let name, _): names.insert(name)
      case .task(let subtask):
        guard collectBuiltins(of: subtask, into: &names) else { return false }
      case .shell, .exec: return false
      }
    }
    return true
  }
}
