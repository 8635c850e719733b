import BlumeopsCore

/// How a gated task's change was confirmed, as the history records it.
public enum Approval: String, Sendable {
  /// The word typed at the prompt.
  case typed
  /// `y` at a yes/no prompt.
  case answered
  /// `--yes`, for a yes/no confirmation.
  case yesOption = "--yes"
  /// `--confirm WORD`, for a typed-word confirmation.
  case confirmOption = "--confirm"
}

/// Asks whether to apply what a preview showed. The command line answers: at the terminal, or
/// from `--yes` / `--confirm WORD`.
public protocol ApplyGate: Sendable {
  /// How the change was approved, or nil when it was not. `isStopped` turns true when the run is
  /// interrupted: a prompt waiting for an answer gives up then.
  func approve(
    task: String, summary: String?, confirmation: Confirmation?,
    isStopped: @escaping @Sendable () -> Bool
  ) async -> Approval?
}

/// What the history keeps of a gated task.
public struct PreviewRecord: Sendable, Equatable {
  /// The preview's summary line (`+ 2 to create`), nil when its output had none.
  public var summary: String?
  /// The SHA-256 of the plan file the preview wrote, nil when it wrote none.
  public var digest: String?
  public var approval: Approval?
  public var applied: Bool

  public init(
    summary: String? = nil, digest: String? = nil, approval: Approval? = nil, applied: Bool = false
  ) {
    self.summary = summary
    self.digest = digest
    self.approval = approval
    self.applied = applied
  }
}
