import BlumeopsCore

/// The runner's own lines about a task: its start, end, retries and notes. Pure formatting.
enum Announcement: Sendable, Equatable {
  case start(label: String)
  case succeeded(label: String, duration: Duration)
  /// In CI, `annotation` (at the task's definition; its message, the log, is added to the
  /// line's text) replaces the bare `::error::` line.
  case failed(
    label: String, status: String, duration: Duration, attempts: [String],
    annotation: Annotation? = nil)
  case cancelled(label: String, duration: Duration)
  case retry(label: String, attempt: Int, of: Int, previous: String)
  case command(String)
  case note(String)
  case waitingForLock(lock: String, holder: String)

  /// Lines to print; `ci` uses GitHub Actions workflow commands around each task.
  func lines(style: Style, ci: Bool) -> [String] {
    switch self {
    case .start(let label):
      return ci ? ["::group::\(label)"] : ["\(style.paint("▸", "36")) \(style.bold(label))"]
    case .succeeded(let label, let duration):
      let line = "\(style.green("✓")) \(label) \(style.dim(duration.brief))"
      return ci ? ["::endgroup::", line] : [line]
    case .failed(let label, let status, let duration, let attempts, let annotation):
      var text = "\(label) \(status) after \(duration.brief)"
      if attempts.count > 1 {
        text += " (\(attempts.count) attempts: \(attempts.joined(separator: ", ")))"
      }
      let line = "\(style.red("✗")) \(text)"
      guard ci else { return [line] }
      var command = annotation ?? Annotation(.error, message: "")
      command.message = command.message.isEmpty ? text : text + "; " + command.message
      return ["::endgroup::", line, command.command]
    case .cancelled(let label, let duration):
      let line = "\(style.yellow("⊘")) \(label) cancelled after \(duration.brief)"
      return ci ? ["::endgroup::", line] : [line]
    case .retry(let label, let attempt, let total, let previous):
      return [
        "\(style.yellow("↻")) \(label): attempt \(attempt) of \(total) (previous \(previous))"
      ]
    case .command(let command):
      let lines = command.split(separator: "\n", omittingEmptySubsequences: false)
      return lines.enumerated().map { index, line in
        style.dim((index == 0 ? "$ " : "  ") + line)
      }
    case .note(let text):
      return ["  \(style.dim(text))"]
    case .waitingForLock(let lock, let holder):
      return ["\(style.yellow("⧗")) waiting for lock \(lock) held by \(holder)"]
    }
  }

  /// Shown even in quiet mode.
  var isFailure: Bool {
    if case .failed = self { return true }
    return false
  }
}
