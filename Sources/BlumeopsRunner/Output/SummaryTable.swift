import BlumeopsCore

/// One line of the end-of-run summary.
public struct SummaryRow: Sendable, Equatable {
  public var label: String
  public var state: Schedule.State
  /// Nil when the task did not run.
  public var duration: Duration?
  /// Why it failed (`exited 1`, `timed out`), or how many attempts it took.
  public var detail: String?
  /// 0 for a task of the plan, 1 for a sub-task step inside it, and so on.
  public var depth: Int

  public init(
    label: String, state: Schedule.State, duration: Duration? = nil, detail: String? = nil,
    depth: Int = 0
  ) {
    self.label = label
    self.state = state
    self.duration = duration
    self.detail = detail
    self.depth = depth
  }
}

/// Renders the summary table; pure, so it is tested without a terminal.
public enum SummaryTable {
  /// The table's lines: mark, label, status, duration (blank where the task did not run), detail.
  public static func render(_ rows: [SummaryRow], color: Bool) -> [String] {
    guard !rows.isEmpty else { return [] }
    let style = Style(color: color)
    let labels = rows.map { String(repeating: "  ", count: $0.depth) + $0.label }
    let labelWidth = labels.map(\.count).max() ?? 0
    let statusWidth = rows.map { word(for: $0.state).count }.max() ?? 0
    let durations = rows.map { $0.duration?.brief ?? "" }
    let durationWidth = durations.map(\.count).max() ?? 0
    return rows.indices.map { index in
      let row = rows[index]
      let status = word(for: row.state)
      var line = mark(for: row.state, style: style) + " "
      line += pad(labels[index], to: labelWidth) + "  "
      line += paint(pad(status, to: statusWidth), row.state, style) + "  "
      line +=
        String(repeating: " ", count: durationWidth - durations[index].count) + durations[index]
      if let detail = row.detail { line += "  " + detail }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }

  /// The status as the summary names it.
  public static func word(for state: Schedule.State) -> String {
    switch state {
    case .succeeded: return "ok"
    case .upToDate: return "up-to-date"
    case .failed: return "failed"
    case .skipped: return "skipped"
    case .cancelled: return "cancelled"
    case .pending: return "not run"
    case .running: return "running"
    }
  }

  private static func mark(for state: Schedule.State, style: Style) -> String {
    switch state {
    case .succeeded: return style.green("✓")
    case .upToDate: return style.green("=")
    case .failed: return style.red("✗")
    case .cancelled: return style.yellow("⊘")
    case .skipped, .pending, .running: return style.dim("-")
    }
  }

  private static func paint(_ text: String, _ state: Schedule.State, _ style: Style) -> String {
    switch state {
    case .failed: return style.red(text)
    case .cancelled: return style.yellow(text)
    case .skipped, .pending, .running: return style.dim(text)
    case .succeeded, .upToDate: return text
    }
  }

  private static func pad(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
