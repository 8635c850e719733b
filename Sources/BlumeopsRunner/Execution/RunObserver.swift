import BlumeopsCore

/// Told how a run goes, task by task, for machine-readable records of it (`--report`,
/// `--events`). Called from the tasks' threads: implementations lock what they keep.
public protocol RunObserver: Sendable {
  /// A plan node starts running (after its up-to-date check).
  func taskStarted(node: Int)
  /// Masked output of a plan node, whole lines (a long line may come in pieces, each ending
  /// in a line break).
  func taskOutput(node: Int, lines: [UInt8])
  /// A plan node that started (or was found up to date) ended.
  func taskEnded(node: Int, entry: RunReport.Entry)
}
