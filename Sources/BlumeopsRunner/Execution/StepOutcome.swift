/// How a step, or a whole attempt at a task, ended.
enum StepOutcome: Sendable, Equatable {
  case succeeded
  case failed(StepFailure)
  /// A stop was requested (fail-fast or an interrupt).
  case stopped
}

/// Why a step failed: its exit code (124 after a timeout) and how to say it.
struct StepFailure: Sendable, Equatable {
  var code: Int32
  var status: String
  var timedOut: Bool = false

  static let timedOut = StepFailure(code: 124, status: "timed out", timedOut: true)
}

extension RunReport.Entry {
  /// The end line of a task or sub-task that ran.
  var endAnnouncement: Announcement {
    let elapsed = duration ?? .zero
    switch state {
    case .succeeded, .upToDate:
      return .succeeded(label: label, duration: elapsed)
    case .failed:
      return .failed(
        label: label, status: attemptStatuses.last ?? "failed", duration: elapsed,
        attempts: attemptStatuses)
    default:
      return .cancelled(label: label, duration: elapsed)
    }
  }
}
