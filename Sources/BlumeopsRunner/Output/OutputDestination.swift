import BlumeopsCore
import Synchronization
import SystemPackage

/// Where the run's output finally goes: two file descriptors, or memory (for tests).
///
/// Only `OutputCoordinator` writes here, from under its lock, so writes never interleave.
public final class OutputDestination: Sendable {
  private enum Target {
    case descriptors(standardOutput: Int32, standardError: Int32)
    case memory
  }

  private let target: Target
  private let recording = Mutex<[(OutputChannel, [UInt8])]>([])

  /// Writes to the given file descriptors with `write(2)`.
  public init(standardOutput: Int32 = 1, standardError: Int32 = 2) {
    target = .descriptors(standardOutput: standardOutput, standardError: standardError)
  }

  private init(memory: Void) {
    target = .memory
  }

  /// Keeps everything in memory; read it back with `text(_:)`.
  public static func memory() -> OutputDestination { OutputDestination(memory: ()) }

  /// Everything written so far, both channels in write order, or only one channel.
  public func text(_ channel: OutputChannel? = nil) -> String {
    let bytes = recording.withLock { chunks in
      chunks.filter { channel == nil || $0.0 == channel }.flatMap(\.1)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  func write(_ bytes: [UInt8], to channel: OutputChannel) {
    guard !bytes.isEmpty else { return }
    switch target {
    case .memory:
      recording.withLock { $0.append((channel, bytes)) }
    case .descriptors(let standardOutput, let standardError):
      let fd = channel == .standardOutput ? standardOutput : standardError
      try? FileDescriptor(rawValue: fd).writeCompletely(bytes)
    }
  }
}
