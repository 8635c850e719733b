import Synchronization
import SystemPackage

/// Says once per run that the history or the task logs are not being kept, and why. The run
/// itself goes on: a full or read-only `.blumeops/` must not fail a deploy, but nobody should
/// find out afterwards that its record is missing.
public final class StorageWarning: Sendable {
  private let said = Atomic<Bool>(false)
  private let emit: @Sendable (String) -> Void

  public init(emit: @escaping @Sendable (String) -> Void) {
    self.emit = emit
  }

  /// True once a warning was given.
  public var given: Bool { said.load(ordering: .acquiring) }

  /// Reports the first problem; later ones are the same story and stay quiet.
  public func report(_ what: String, path: String, _ error: SystemPackage.Errno) {
    guard !said.exchange(true, ordering: .acquiringAndReleasing) else { return }
    emit("warning: \(what) not kept: cannot write \(path): \(Self.describe(error))")
  }

  /// `no space left on device`: strerror's text, lowercased as blumeops' messages are.
  static func describe(_ error: SystemPackage.Errno) -> String {
    let text = error.description
    guard let first = text.first else { return text }
    return first.lowercased() + text.dropFirst()
  }
}
