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
    var table = TextTable(
      [
        TextTable.Column(), TextTable.Column(gap: " "), TextTable.Column(),
        TextTable.Column("", .right), TextTable.Column(),
      ], showsHeaders: false)
    for row in rows {
      let (mark, markColor) = mark(for: row.state)
      table.add([
        TextTable.Cell(mark, color: markColor),
        TextTable.Cell(String(repeating: "  ", count: row.depth) + row.label),
        TextTable.Cell(word(for: row.state), color: statusColor(for: row.state)),
        TextTable.Cell(row.duration?.brief ?? ""),
        TextTable.Cell(row.detail ?? ""),
      ])
    }
    return table.lines(style: Style(color: color))
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

  private static func mark(for state: Schedule.State) -> (String, color: String) {
    switch state {
    case .succeeded: return ("✓", "32")
    case .upToDate: return ("=", "32")
    case .failed: return ("✗", "31")
    case .cancelled: return ("⊘", "33")
    case .skipped, .pending, .running: return ("-", "2")
    }
  }

  private static func statusColor(for state: Schedule.State) -> String? {
    switch state {
    case .failed: return "31"
    case .cancelled: return "33"
    case .skipped, .pending, .running: return "2"
    case .succeeded, .upToDate: return nil
    }
  }
}
