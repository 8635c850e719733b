import BlumeopsCore

/// How a run went: each task's end and the exit code of the run (DESIGN §4).
public struct RunReport: Sendable {
  /// How one task (or sub-task step) ended.
  public struct Entry: Sendable, Equatable {
    public var label: String
    public var state: Schedule.State
    /// The exit code of the step that failed (124 after a timeout), when it failed.
    public var exitCode: Int32?
    public var timedOut: Bool
    /// Attempts made (more than 1 only with `retry`); 0 when it never started.
    public var attempts: Int
    /// How each attempt ended (`exited 1`, `timed out`), when any failed.
    public var attemptStatuses: [String]
    /// Nil when it never started.
    public var duration: Duration?
    /// Sub-task steps it ran, in order.
    public var subtasks: [Entry]
    /// For a gated task: what its preview said and how the apply went.
    public var preview: PreviewRecord?
    /// When it started, in seconds since the epoch (for the timeline); nil when it never did.
    public var startedAt: Double?

    public init(
      label: String, state: Schedule.State, exitCode: Int32? = nil, timedOut: Bool = false,
      attempts: Int = 0, attemptStatuses: [String] = [], duration: Duration? = nil,
      subtasks: [Entry] = []
    ) {
      self.label = label
      self.state = state
      self.exitCode = exitCode
      self.timedOut = timedOut
      self.attempts = attempts
      self.attemptStatuses = attemptStatuses
      self.duration = duration
      self.subtasks = subtasks
    }
  }

  /// One entry per plan node, indexed like `Plan.nodes`.
  public var nodes: [Entry]
  /// 0; the exit status of the first failure's step (124 for a timeout); 130/143 when an
  /// interrupt came first.
  public var exitCode: Int32
  /// The signal of the interrupt, when the run was interrupted.
  public var interruptSignal: Int32?

  public init(nodes: [Entry], exitCode: Int32, interruptSignal: Int32? = nil) {
    self.nodes = nodes
    self.exitCode = exitCode
    self.interruptSignal = interruptSignal
  }

  public var succeeded: Bool { exitCode == 0 }

  /// The summary rows: every task in `order` (indices into `nodes`; all of them in plan order when
  /// nil), its sub-tasks indented under it.
  public func summaryRows(order: [Int]? = nil) -> [SummaryRow] {
    var rows: [SummaryRow] = []
    func add(_ entry: Entry, depth: Int) {
      rows.append(
        SummaryRow(
          label: entry.label, state: entry.state, duration: entry.duration,
          detail: entry.detail, depth: depth))
      for subtask in entry.subtasks { add(subtask, depth: depth + 1) }
    }
    for index in order ?? Array(nodes.indices) { add(nodes[index], depth: 0) }
    return rows
  }
}

extension RunReport.Entry {
  /// The summary's last column: why it failed, or how many attempts success took.
  public var detail: String? {
    switch state {
    case .failed:
      let status = attemptStatuses.last ?? exitCode.map { "exited \($0)" } ?? "failed"
      return attempts > 1 ? "\(status) (\(attempts) attempts)" : status
    case .succeeded where attempts > 1:
      return "after \(attempts) attempts"
    default:
      return nil
    }
  }
}
