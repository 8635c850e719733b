import BlumeopsCore
import Synchronization
import SystemPackage

/// Writes `--events` lines, one JSON object per line, to a file or standard output, whole lines
/// at a time and in order whatever thread reports.
public final class EventWriter: Sendable {
  private let descriptor: FileDescriptor
  private let closes: Bool
  private let lock = Mutex(())

  /// `path` is `-` for standard output; a file is created or truncated.
  public init(path: String) throws(SystemPackage.Errno) {
    if path == "-" {
      descriptor = FileDescriptor(rawValue: 1)
      closes = false
    } else {
      descriptor = try FileSystem.openForWriting(path, options: [.create, .truncate, .closeOnExec])
      closes = true
    }
  }

  deinit {
    if closes { try? descriptor.close() }
  }

  func write(_ event: JSONValue, _ masker: Masker?) {
    let line = (masker.map { Self.masked(event, $0) } ?? event).serialized() + "\n"
    lock.withLock { _ in try? descriptor.writeCompletely(line) }
  }

  /// Masks every string before serialising, so a secret is found as written, not as escaped.
  static func masked(_ value: JSONValue, _ masker: Masker) -> JSONValue {
    switch value {
    case .string(let text): return .string(masker.mask(text))
    case .array(let items): return .array(items.map { masked($0, masker) })
    case .object(let fields): return .object(fields.map { ($0.0, masked($0.1, masker)) })
    default: return value
    }
  }
}
