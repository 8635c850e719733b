/// Checks that every `{{ name }}` in a task names one of its parameters (or `args`).
struct TemplateCheck {
  let task: TaskDefinition

  func errors() -> [BlumeopsError] {
    // Built on first use: most tasks have no placeholder at all.
    var knownNames: Set<String>?
    var errors: [BlumeopsError] = []
    func check(_ text: String?, at location: SourceLocation) {
      guard let text, Template.mayHavePlaceholders(text) else { return }
      let known =
        knownNames ?? Set(task.arguments.map(\.name) + task.flags.map(\.name) + ["args"])
      knownNames = known
      for name in Template(text).parameters where !known.contains(name) {
        errors.append(.unknownParameter(name, task: task.name, at: location))
      }
    }
    check(task.directory, at: task.location)
    for variable in task.environment { check(variable.value, at: task.location) }
    for step in task.steps {
      switch step.action {
      case .shell(let script): check(script, at: step.location)
      case .exec(let argv): argv.forEach { check($0, at: step.location) }
      case .task(let reference):
        reference.arguments.forEach { check($0, at: step.location) }
        reference.flags.values.forEach { check($0, at: step.location) }
      case .builtin(_, let options): options.forEach { check($0.value, at: step.location) }
      }
      check(step.condition, at: step.location)
      check(step.directory, at: step.location)
      for variable in step.environment { check(variable.value, at: step.location) }
    }
    for reference in task.depends + task.dependsPost {
      reference.arguments.forEach { check($0, at: reference.location) }
      reference.flags.values.forEach { check($0, at: reference.location) }
    }
    return errors
  }
}
