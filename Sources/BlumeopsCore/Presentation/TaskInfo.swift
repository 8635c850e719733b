/// `blumeops tasks info <task>`: everything about one task, with where it is defined.
public enum TaskInfo {
  public static func text(_ task: TaskDefinition) -> String {
    var rows: [(String, String)] = [("task", task.name), ("defined at", task.location.description)]
    if let description = task.description { rows.append(("description", description)) }
    if !task.aliases.isEmpty { rows.append(("aliases", task.aliases.joined(separator: ", "))) }
    if task.hidden { rows.append(("hidden", "yes")) }
    if let extends = task.extends { rows.append(("extends", extends)) }
    if let script = task.script { rows.append(("script", script)) }
    if !task.depends.isEmpty {
      rows.append(("depends", task.depends.map(describe).joined(separator: ", ")))
    }
    if !task.dependsPost.isEmpty {
      rows.append(("depends_post", task.dependsPost.map(describe).joined(separator: ", ")))
    }
    rows.append(("dir", task.directory ?? "."))
    for variable in task.environment { rows.append(("env", "\(variable.name)=\(variable.value)")) }
    for secret in task.secrets {
      rows.append(
        (
          "secret",
          "\(secret.variable) ← " + secret.sources.map(\.description).joined(separator: ", then ")
        ))
    }
    for requirement in task.requires {
      rows.append(("requires", requirement.tool + (requirement.constraint?.description ?? "")))
    }
    for precondition in task.preconditions {
      rows.append(("precondition", "\(precondition.command)  (\(precondition.message))"))
    }
    if let confirm = task.confirm {
      rows.append(("confirm", confirm.message + (confirm.expect.map { " (type `\($0)`)" } ?? "")))
    }
    if let timeout = task.timeout { rows.append(("timeout", "\(timeout.seconds)s")) }
    if let retry = task.retry {
      rows.append(
        (
          "retry",
          "\(retry.attempts) attempts, delay \(retry.delay.seconds)s, backoff \(retry.backoff)"
        ))
    }
    if let lock = task.lock { rows.append(("lock", lock)) }
    if task.interactive { rows.append(("interactive", "yes")) }
    if !task.sources.isEmpty { rows.append(("sources", task.sources.joined(separator: ", "))) }
    if !task.outputs.isEmpty { rows.append(("outputs", task.outputs.joined(separator: ", "))) }
    for (index, step) in task.steps.enumerated() {
      rows.append(("step \(index + 1)", describe(step)))
    }
    for (index, step) in (task.preview ?? []).enumerated() {
      rows.append(("preview \(index + 1)", describe(step)))
    }
    var lines = TaskUsage.table(rows).map { String($0.dropFirst(2)) }
    if !task.arguments.isEmpty || !task.flags.isEmpty {
      lines += [
        "",
        TaskUsage.text(task).split(separator: "\n", omittingEmptySubsequences: false).drop {
          !$0.hasPrefix("usage:")
        }.joined(separator: "\n"),
      ]
    }
    return lines.joined(separator: "\n")
  }

  static func describe(_ reference: TaskReference) -> String {
    ([reference.name] + reference.arguments
      + reference.flags.sorted { $0.key < $1.key }.map { "--\($0.key)=\($0.value)" }).joined(
        separator: " ")
  }

  static func describe(_ step: StepDefinition) -> String {
    var text: String
    switch step.action {
    case .shell(let script):
      text = script.contains("\n") ? script.split(separator: "\n").joined(separator: " ⏎ ") : script
    case .exec(let argv): text = "exec " + argv.map(ShellQuote.quote).joined(separator: " ")
    case .task(let reference): text = "task " + describe(reference)
    case .builtin(let name, let options):
      text = "builtin \(name)" + options.map { " \($0.key)=\($0.value)" }.joined()
    }
    if let condition = step.condition { text += "  [if \(condition)]" }
    if step.allowFailure { text += "  [allow failure]" }
    if let capture = step.capture {
      text += "  [capture \(capture)\(step.captureIsSecret ? ", secret" : "")]"
    }
    if let directory = step.directory { text += "  [dir \(directory)]" }
    return text
  }
}
