/// Checks what no single task can check alone: names, duplicates, references, built-ins,
/// template parameters and dependency cycles.
struct TaskValidator {
  let tasks: [TaskDefinition]
  let builtins: [String]
  private var owners: [String: Int] = [:]

  init(tasks: [TaskDefinition], builtins: [String]) {
    self.tasks = tasks
    self.builtins = builtins
  }

  mutating func validate() -> [BlumeopsError] {
    var errors: [BlumeopsError] = []
    for (index, task) in tasks.enumerated() {
      if !Self.isValidName(task.name) {
        errors.append(.invalidTaskName(task.name, at: task.location))
      }
      if let first = owners[task.name] {
        if tasks[first].name == task.name {
          errors.append(.duplicateTask(task.name, first: tasks[first].location, at: task.location))
        } else {
          errors.append(
            .duplicateAlias(
              task.name, task: tasks[first].name, other: task.name, first: tasks[first].location,
              at: task.location))
        }
      } else {
        owners[task.name] = index
      }
    }
    for (index, task) in tasks.enumerated() {
      for alias in task.aliases {
        if let first = owners[alias], first != index {
          errors.append(
            .duplicateAlias(
              alias, task: task.name, other: tasks[first].name, first: tasks[first].location,
              at: task.location))
        } else {
          owners[alias] = index
        }
      }
    }
    for task in tasks {
      errors += references(of: task)
      errors += TemplateCheck(task: task).errors()
    }
    errors += CycleFinder(tasks: tasks, owners: owners).cycles()
    errors += StepNesting(tasks: tasks, owners: owners).errors()
    return errors
  }

  private func references(of task: TaskDefinition) -> [BlumeopsError] {
    var errors: [BlumeopsError] = []
    for reference in task.depends + task.dependsPost + Self.taskSteps(task)
    where owners[reference.name] == nil {
      errors.append(
        .unknownDependency(
          reference.name, task: task.name,
          suggestion: Suggestion.closest(to: reference.name, in: tasks.flatMap(\.names)),
          at: reference.location))
    }
    for step in task.steps {
      if case .builtin(let name, _) = step.action, !builtins.contains(name) {
        errors.append(
          .unknownBuiltin(
            name, suggestion: Suggestion.closest(to: name, in: builtins), at: step.location))
      }
    }
    return errors
  }

  static func taskSteps(_ task: TaskDefinition) -> [TaskReference] {
    task.steps.compactMap { step in
      if case .task(let reference) = step.action { return reference }
      return nil
    }
  }

  /// `[a-z0-9][a-z0-9_-]*`, optionally namespaced with `:`. All of it is ASCII, so the bytes are
  /// checked: every task name of every load passes through here.
  static func isValidName(_ name: String) -> Bool {
    var atPartStart = true
    for byte in name.utf8 {
      if byte == UInt8(ascii: ":") {
        guard !atPartStart else { return false }
        atPartStart = true
        continue
      }
      let lowerOrDigit =
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      guard
        lowerOrDigit || (!atPartStart && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")))
      else { return false }
      atPartStart = false
    }
    return !atPartStart
  }
}
