/// `--dry-run`: the plan in waves — commands with parameters filled in, directories, environment
/// names, secret references, what would be skipped — and preflight problems as warnings.
public struct PlanDescription {
  public let plan: Plan
  public let catalog: TaskCatalog
  /// Nodes whose sources are unchanged since their last success.
  public var upToDate: Set<Int> = []
  public var warnings: [String] = []

  public init(plan: Plan, catalog: TaskCatalog) {
    self.plan = plan
    self.catalog = catalog
  }

  public func text() -> String {
    let waves = plan.waves
    var lines = [
      "plan: \(plan.nodes.count) task\(plan.nodes.count == 1 ? "" : "s") in \(waves.count) wave\(waves.count == 1 ? "" : "s") (dry run: nothing runs)"
    ]
    for (number, wave) in waves.enumerated() {
      lines.append("wave \(number + 1)")
      for index in wave { lines += describe(plan.nodes[index]).map { "  " + $0 } }
    }
    for warning in warnings { lines.append("warning: \(warning)") }
    return lines.joined(separator: "\n")
  }

  func describe(_ node: PlanNode) -> [String] {
    var heading = node.task.label
    if !node.after.isEmpty {
      heading +=
        " (after " + node.after.map { plan.nodes[$0].task.label }.joined(separator: ", ") + ")"
    }
    if upToDate.contains(node.id) { heading += " — up to date, would be skipped" }
    var lines = [heading]
    let definition = catalog.task(named: node.task.name)
    lines += details(node.task, definition: definition).map { "  " + $0 }
    return lines
  }

  func details(_ task: PlannedTask, definition: TaskDefinition?) -> [String] {
    var lines: [String] = []
    let directory = relative(task.directory)
    if directory != "." { lines.append("dir: \(directory)") }
    let names = task.environment.map(\.name).filter { $0 != "BLUMEOPS_ROOT" }
    if !names.isEmpty { lines.append("env: " + names.joined(separator: ", ")) }
    for secret in task.secrets {
      lines.append(
        "secret: \(secret.variable) ← "
          + secret.sources.map(\.description).joined(separator: ", then "))
    }
    if let definition {
      if !definition.requires.isEmpty {
        lines.append(
          "requires: "
            + definition.requires.map { $0.tool + ($0.constraint?.description ?? "") }.joined(
              separator: ", "))
      }
      for precondition in definition.preconditions {
        lines.append("precondition: \(precondition.command)")
      }
      if let confirm = definition.confirm {
        lines.append(
          "confirm: \(confirm.message)" + (confirm.expect.map { " (type `\($0)`)" } ?? ""))
      }
    }
    if let timeout = task.timeout { lines.append("timeout: \(timeout.written)") }
    if let retry = task.retry { lines.append("retry: \(retry.attempts) attempts") }
    if let lock = task.lock { lines.append("lock: \(lock)") }
    if task.interactive { lines.append("interactive: runs alone with the terminal") }
    if let gate = task.gate {
      // The preview runs (with `--preview-only` too), then the confirmation, then the apply.
      lines.append("preview, then confirm, then apply (plan in $\(PreviewGate.planVariable)):")
      for step in gate.steps { lines += describe(step, in: task).map { "  " + $0 } }
      lines.append("apply:")
      for step in task.steps { lines += describe(step, in: task).map { "  " + $0 } }
      return lines
    }
    for step in task.steps { lines += describe(step, in: task) }
    return lines
  }

  func describe(_ step: PlannedStep, in task: PlannedTask) -> [String] {
    var prefix = step.condition.map { "if \($0): " } ?? ""
    if step.directory != task.directory { prefix = "(in \(relative(step.directory))) " + prefix }
    var suffix = step.allowFailure ? "  # failure allowed" : ""
    if let capture = step.capture {
      suffix += "  # stdout → $\(capture)" + (step.captureIsSecret ? " (secret)" : "")
    }
    switch step.action {
    case .shell(let script):
      var trimmed = Substring(script)
      while trimmed.last == "\n" { trimmed = trimmed.dropLast() }
      let scriptLines = trimmed.split(separator: "\n", omittingEmptySubsequences: false)
      return ["$ " + prefix + scriptLines[0] + (scriptLines.count == 1 ? suffix : "")]
        + scriptLines.dropFirst().enumerated().map { index, line in
          "  " + line + (index == scriptLines.count - 2 ? suffix : "")
        }
    case .exec(let argv):
      return [
        "$ " + prefix + argv.map { ShellQuote.quote(relativeIfRooted($0)) }.joined(separator: " ")
          + suffix
      ]
    case .builtin(let name, let options):
      return [
        "builtin " + prefix + name
          + options.sorted { $0.key < $1.key }.map { " --\($0.key)=\($0.value)" }.joined() + suffix
      ]
    case .task(let sub):
      return ["task " + prefix + sub.label + suffix]
        + details(sub, definition: catalog.task(named: sub.name)).map { "  " + $0 }
    }
  }

  func relative(_ path: String) -> String {
    if path == plan.root { return "." }
    return path.hasPrefix(plan.root + "/") ? String(path.dropFirst(plan.root.count + 1)) : path
  }

  func relativeIfRooted(_ path: String) -> String {
    path.hasPrefix(plan.root + "/") ? relative(path) : path
  }

  public func json() -> JSONValue {
    .object([
      (
        "waves",
        .array(
          plan.waves.map { wave in
            .array(
              wave.map { index in
                let node = plan.nodes[index]
                return .object([
                  ("task", .string(node.task.name)),
                  ("label", .string(node.task.label)),
                  ("dir", .string(relative(node.task.directory))),
                  ("after", .array(node.after.map { .string(plan.nodes[$0].task.label) })),
                  ("depends", .array(node.dependencies.map { .string(plan.nodes[$0].task.label) })),
                  (
                    "env",
                    .array(
                      node.task.environment.map { .string($0.name) }.filter {
                        $0 != .string("BLUMEOPS_ROOT")
                      })
                  ),
                  (
                    "secrets",
                    .object(
                      node.task.secrets.map {
                        ($0.variable, .array($0.sources.map { .string($0.description) }))
                      })
                  ),
                  (
                    "steps",
                    .array(
                      node.task.steps.flatMap { describe($0, in: node.task) }.map(JSONValue.string))
                  ),
                  ("up_to_date", .bool(upToDate.contains(index))),
                ])
              })
          })
      ),
      ("warnings", .array(warnings.map(JSONValue.string))),
    ])
  }
}
