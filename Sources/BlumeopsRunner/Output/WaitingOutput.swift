import BlumeopsCore
import Glibc
import SystemPackage

/// Output of a task waiting for its turn in a contiguous layout (group mode, CI): in memory up to
/// `memoryLimit`, then in a temporary file whose name is removed at once, so that a task printing
/// gigabytes behind a slow one costs disk that is freed when its turn comes, not memory.
struct WaitingOutput: Sendable {
  static let memoryLimit = 1 << 20

  private var memory: [(OutputChannel, [UInt8])] = []
  private var memoryBytes = 0
  private var file: FileDescriptor?

  mutating func append(_ channel: OutputChannel, _ bytes: [UInt8]) {
    if file == nil, memoryBytes + bytes.count > Self.memoryLimit { file = Self.temporaryFile() }
    guard let file else {
      memory.append((channel, bytes))
      memoryBytes += bytes.count
      return
    }
    var record = [channel == .standardOutput ? 1 : 2] as [UInt8]
    for shift in stride(from: 0, to: 64, by: 8) {
      record.append(UInt8(truncatingIfNeeded: bytes.count >> shift))
    }
    do throws(Errno) {
      try file.writeCompletely(record + bytes)
    } catch {
      // No room on disk either: keep it in memory rather than lose it.
      memory.append((channel, bytes))
    }
  }

  /// Hands everything over in order, in pieces of at most 64 KiB, and empties the buffer (its
  /// file closed, so its space freed).
  mutating func replay(_ write: (OutputChannel, [UInt8]) -> Void) {
    for (channel, bytes) in memory { write(channel, bytes) }
    memory = []
    memoryBytes = 0
    guard let file else { return }
    self.file = nil
    defer { try? file.close() }
    guard (try? file.seek(offset: 0, from: .start)) != nil else { return }
    while let header = try? file.read(upTo: 9), header.count == 9 {
      let channel: OutputChannel = header[0] == 1 ? .standardOutput : .standardError
      var left = header[1...].reversed().reduce(0) { $0 << 8 | Int($1) }
      while left > 0 {
        guard let chunk = try? file.read(upTo: min(left, 64 << 10)), !chunk.isEmpty else { return }
        write(channel, chunk)
        left -= chunk.count
      }
    }
  }

  /// A new file in `$TMPDIR` (or `/tmp`), its name removed at once.
  private static func temporaryFile() -> FileDescriptor? {
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    for attempt in 0..<100 {
      let path = "\(directory)/blumeops-output-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
      guard
        let file = try? FileDescriptor.open(
          path, .readWrite, options: [.create, .exclusiveCreate, .closeOnExec],
          permissions: .ownerReadWrite)
      else {
        if attempt < 99, errno == EEXIST { continue }
        return nil
      }
      unlink(path)
      return file
    }
    return nil
  }
}
