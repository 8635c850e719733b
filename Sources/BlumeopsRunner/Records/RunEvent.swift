import BlumeopsCore

/// The `--events` lines, version 1, documented field by field in
/// `docs/reference/run-events.md`. Every event has `version`, `event` and `time`.
enum RunEvent {
  static let version = 1

  static func runStarted(id: String, time: Double, command: String, plan: Plan) -> JSONValue {
    event(
      "run-started", time,
      [
        ("run", .string(id)), ("command", .string(command)),
        (
          "tasks",
          .array(
            plan.nodes.map { node in
              .object(
                task(node.id, plan) + [
                  ("needs", .array(node.dependencies.map { .number($0) })),
                  ("after", .array(node.after.map { .number($0) })),
                ])
            })
        ),
      ])
  }

  static func taskStarted(node: Int, plan: Plan, time: Double) -> JSONValue {
    event("task-started", time, task(node, plan))
  }

  static func taskOutput(node: Int, plan: Plan, time: Double, lines: Int) -> JSONValue {
    event("task-output", time, task(node, plan) + [("lines", .number(lines))])
  }

  static func taskEnded(
    node: Int, plan: Plan, entry: RunReport.Entry, time: Double, lines: Int, reason: String?
  ) -> JSONValue {
    event(
      "task-ended", time,
      task(node, plan) + [
        ("status", .string(entry.state.rawValue)),
        ("exit_code", entry.exitCode.map { .number(Int($0)) } ?? .null),
        ("timed_out", .bool(entry.timedOut)),
        ("attempts", .number(entry.attempts)),
        ("attempt_statuses", .array(entry.attemptStatuses.map(JSONValue.string))),
        ("duration_ms", entry.duration.map { .number(milliseconds($0)) } ?? .null),
        ("lines", .number(lines)),
        ("reason", .optional(reason)),
      ])
  }

  static func runEnded(_ report: RunReport, time: Double, start: Double) -> JSONValue {
    var counts: [(String, JSONValue)] = []
    for state in [Schedule.State.succeeded, .upToDate, .failed, .skipped, .cancelled] {
      counts.append((state.rawValue, .number(report.nodes.filter { $0.state == state }.count)))
    }
    let status =
      report.interruptSignal != nil ? "interrupted" : report.succeeded ? "ok" : "failed"
    return event(
      "run-ended", time,
      [
        ("status", .string(status)), ("exit_code", .number(Int(report.exitCode))),
        ("duration_ms", .number(Int(((time - start) * 1000).rounded()))),
        ("tasks", .object(counts)),
      ])
  }

  private static func event(_ name: String, _ time: Double, _ fields: [(String, JSONValue)])
    -> JSONValue
  {
    .object(
      [("version", .number(version)), ("event", .string(name)), ("time", .string(timestamp(time)))]
        + fields)
  }

  private static func task(_ node: Int, _ plan: Plan) -> [(String, JSONValue)] {
    let task = plan.nodes[node].task
    return [("node", .number(node)), ("task", .string(task.name)), ("label", .string(task.label))]
  }

  /// `2026-12-03T18:55:54.123Z`: UTC to the millisecond.
  static func timestamp(_ seconds: Double) -> String {
    let whole = seconds.rounded(.down)
    let millis = min(999, Int(((seconds - whole) * 1000).rounded()))
    let text = String(millis)
    return String(WallClock.iso8601(whole).dropLast()) + "."
      + String(repeating: "0", count: 3 - text.count) + text + "Z"
  }

  static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
  }
}
