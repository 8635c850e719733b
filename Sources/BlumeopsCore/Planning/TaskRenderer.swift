/// Renders a task with bound parameters into a `PlannedTask`: templates filled (shell-quoted in
/// shell text, raw elsewhere), pass-through placed, directories made absolute, environment merged.
struct TaskRenderer {
  let root: String
  let environment: [String: String]
  let catalog: TaskCatalog

  func render(
    _ task: TaskDefinition, _ values: ParameterValues, passThrough: [String], label: String
  ) throws(BlumeopsError) -> PlannedTask {
    let directory = absolute(task.directory.map { Self.raw($0, values) })
    var variables = task.environment.map {
      EnvironmentVariable($0.name, Self.raw($0.value, values))
    }
    variables += values.usageEnvironment
    variables.append(EnvironmentVariable("BLUMEOPS_ROOT", root))
    let steps = try render(
      task.steps, of: task, values, passThrough: passThrough, directory: directory)
    var planned = PlannedTask(
      label: label, name: task.name, steps: steps, directory: directory, environment: variables,
      secrets: task.secrets, timeout: task.timeout, retry: task.retry, lock: task.lock,
      interactive: task.interactive, definedAt: task.location)
    if let preview = task.preview {
      // Pass-through words (`-- --tags zot`) go to the preview as to the apply: the change
      // confirmed is the change made.
      planned.gate = PreviewGate(
        steps: try render(
          preview, of: task, values, passThrough: passThrough, directory: directory),
        confirmation: task.confirm)
    }
    return planned
  }

  /// Steps rendered, the pass-through words added to the last one unless a step places them.
  private func render(
    _ definitions: [StepDefinition], of task: TaskDefinition, _ values: ParameterValues,
    passThrough: [String], directory: String
  ) throws(BlumeopsError) -> [PlannedStep] {
    var steps: [PlannedStep] = []
    for step in definitions {
      steps.append(try render(step, values, passThrough: passThrough, directory: directory))
    }
    if !passThrough.isEmpty, !definitions.contains(where: Self.mentionsArgs) {
      guard let last = steps.indices.last else { throw .passThroughNotAccepted(task: task.name) }
      switch steps[last].action {
      case .shell(let script):
        steps[last].action = .shell(
          script + " " + passThrough.map(ShellQuote.quote).joined(separator: " "))
      case .exec(let argv): steps[last].action = .exec(argv + passThrough)
      case .task, .builtin: throw .passThroughNotAccepted(task: task.name)
      }
    }
    return steps
  }

  private func render(
    _ step: StepDefinition, _ values: ParameterValues, passThrough: [String], directory: String
  ) throws(BlumeopsError) -> PlannedStep {
    let action: PlannedStep.Action
    switch step.action {
    case .shell(let script):
      action = .shell(Self.quoted(script, values, passThrough: passThrough))
    case .exec(let argv):
      action = .exec(
        argv.flatMap { element -> [String] in
          let template = Template(element)
          if template.segments == [.parameter("args")] { return passThrough }
          if case .parameter(let name)? = template.segments.first, template.segments.count == 1,
            let list = values[name]
          {
            return list
          }
          return [Self.raw(element, values)]
        })
    case .task(let reference):
      guard let sub = catalog.task(named: reference.name) else {
        throw .unknownTask(reference.name, suggestion: nil)
      }
      let bound = try ArgumentBinder.bind(
        Self.rendered(reference, values), to: sub, environment: environment)
      let label = ([sub.name] + bound.explicit.map(ShellQuote.quote)).joined(separator: " ")
      action = .task(try render(sub, bound, passThrough: [], label: label))
    case .builtin(let name, let with):
      var options = values.options
      for option in with { options[option.key] = Self.raw(option.value, values) }
      action = .builtin(name: name, options: options)
    }
    return PlannedStep(
      action,
      directory: step.directory.map { absolute(Self.raw($0, values)) } ?? directory,
      environment: step.environment.map {
        EnvironmentVariable($0.name, Self.raw($0.value, values))
      },
      allowFailure: step.allowFailure,
      condition: step.condition.map { Self.quoted($0, values, passThrough: passThrough) },
      capture: step.capture, captureIsSecret: step.captureIsSecret)
  }

  private func absolute(_ path: String?) -> String {
    guard let path, !path.isEmpty else { return root }
    return FileSystem.absolute(path, from: root)
  }

  static func mentionsArgs(_ step: StepDefinition) -> Bool {
    switch step.action {
    case .shell(let script): return Template(script).parameters.contains("args")
    case .exec(let argv): return argv.contains { Template($0).parameters.contains("args") }
    default: return false
    }
  }

  /// Shell text: each value becomes exactly one word, so no value can inject shell syntax.
  static func quoted(_ text: String, _ values: ParameterValues, passThrough: [String]) -> String {
    guard Template.mayHavePlaceholders(text) else { return text }
    return Template(text).render { name in
      let list = name == "args" && values[name] == nil ? passThrough : values[name] ?? []
      return list.map(ShellQuote.quote).joined(separator: " ")
    }
  }

  /// Plain text (no shell involved): values inserted as they are.
  static func raw(_ text: String, _ values: ParameterValues) -> String {
    guard Template.mayHavePlaceholders(text) else { return text }
    return Template(text).render { (values[$0] ?? []).joined(separator: " ") }
  }

  static func rendered(_ reference: TaskReference, _ values: ParameterValues) -> TaskReference {
    var copy = reference
    copy.arguments = reference.arguments.map { raw($0, values) }
    copy.flags = reference.flags.mapValues { raw($0, values) }
    return copy
  }
}
