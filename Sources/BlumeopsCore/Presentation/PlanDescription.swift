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
    var out = IndentedLines(collecting: false)
    out.add(
      "plan: \(plan.nodes.count) task\(plan.nodes.count == 1 ? "" : "s") in \(waves.count) wave\(waves.count == 1 ? "" : "s") (dry run: nothing runs)"
    )
    for (number, wave) in waves.enumerated() {
      out.add("wave \(number + 1)")
      out.nested { out in
        for index in wave { describe(plan.nodes[index], into: &out) }
      }
    }
    for warning in warnings { out.add("warning: \(warning)") }
    return out.text
  }

  func describe(_ node: PlanNode, into out: inout IndentedLines) {
    var heading = node.task.label
    if !node.after.isEmpty {
      heading +=
        " (after " + node.after.map { plan.nodes[$0].task.label }.joined(separator: ", ") + ")"
    }
    if upToDate.contains(node.id) { heading += " — up to date, would be skipped" }
    out.add(heading)
    out.nested { out in
      details(node.task, definition: catalog.task(named: node.task.name), into: &out)
    }
  }

  func details(_ task: PlannedTask, definition: TaskDefinition?, into out: inout IndentedLines) {
    let directory = relative(task.directory)
    if directory != "." { out.add("dir: \(directory)") }
    let names = task.environment.map(\.name).filter { $0 != "BLUMEOPS_ROOT" }
    if !names.isEmpty { out.add("env: " + names.joined(separator: ", ")) }
    for secret in task.secrets {
      out.add(
        "secret: \(secret.variable) ← "
          + secret.sources.map(\.description).joined(separator: ", then "))
    }
    if let definition {
      if !definition.requires.isEmpty {
        out.add(
          "requires: "
            + definition.requires.map { $0.tool + ($0.constraint?.description ?? "") }.joined(
              separator: ", "))
      }
      for precondition in definition.preconditions {
        out.add("precondition: \(precondition.command)")
      }
      if let confirm = definition.confirm {
        out.add("confirm: \(confirm.message)" + (confirm.expect.map { " (type `\($0)`)" } ?? ""))
      }
    }
    if let timeout = task.timeout { out.add("timeout: \(timeout.written)") }
    if let retry = task.retry { out.add("retry: \(retry.attempts) attempts") }
    if let lock = task.lock { out.add("lock: \(lock)") }
    if task.interactive { out.add("interactive: runs alone with the terminal") }
    if let gate = task.gate {
      // The preview runs (with `--preview-only` too), then the confirmation, then the apply.
      out.add("preview, then confirm, then apply (plan in $\(PreviewGate.planVariable)):")
      out.nested { out in
        for step in gate.steps { describe(step, in: task, into: &out) }
      }
      out.add("apply:")
      out.nested { out in
        for step in task.steps { describe(step, in: task, into: &out) }
      }
      return
    }
    for step in task.steps { describe(step, in: task, into: &out) }
  }

  func describe(_ step: PlannedStep, in task: PlannedTask, into out: inout IndentedLines) {
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
      out.add("$ " + prefix + scriptLines[0] + (scriptLines.count == 1 ? suffix : ""))
      for (index, line) in scriptLines.dropFirst().enumerated() {
        out.add("  " + line + (index == scriptLines.count - 2 ? suffix : ""))
      }
    case .exec(let argv):
      out.add(
        "$ " + prefix + argv.map { ShellQuote.quote(relativeIfRooted($0)) }.joined(separator: " ")
          + suffix)
    case .builtin(let name, let options):
      out.add(
        "builtin " + prefix + name
          + options.sorted { $0.key < $1.key }.map { " --\($0.key)=\($0.value)" }.joined() + suffix)
    case .task(let sub):
      out.add("task " + prefix + sub.label + suffix)
      out.nested { out in details(sub, definition: catalog.task(named: sub.name), into: &out) }
    }
  }

  /// The lines of one step, as `--dry-run --json` lists them.
  func lines(of step: PlannedStep, in task: PlannedTask) -> [String] {
    var out = IndentedLines(collecting: true)
    describe(step, in: task, into: &out)
    return out.lines
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
                      node.task.steps.flatMap { lines(of: $0, in: node.task) }.map(JSONValue.string)
                    )
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

/// Lines written at a depth of indentation: into one text, or kept apart.
struct IndentedLines {
  private(set) var text = ""
  private(set) var lines: [String] = []
  private let collecting: Bool
  private var indent = ""

  init(collecting: Bool) { self.collecting = collecting }

  mutating func add(_ line: String) {
    if collecting {
      lines.append(indent + line)
      return
    }
    if !text.isEmpty { text += "\n" }
    text += indent
    text += line
  }

  /// Runs `body` with its lines two spaces further in.
  mutating func nested(_ body: (inout IndentedLines) -> Void) {
    indent += "  "
    body(&self)
    indent.removeLast(2)
  }
}
