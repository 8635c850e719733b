import BlumeopsCore
import Glibc
import SystemPackage

/// Output of a task waiting for its turn in a contiguous layout (group mode, CI): in memory up to
/// `memoryLimit`, then in an unlinked temporary file, so that a task printing gigabytes behind a
/// slow one costs disk that is freed at once, not memory.
///
/// Touched only under the output coordinator's lock.
final class WaitingOutput: @unchecked Sendable {
  static let memoryLimit = 1 << 20

  private var memory: [(OutputChannel, [UInt8])] = []
  private var memoryBytes = 0
  private var file: FileDescriptor?

  var isEmpty: Bool { memory.isEmpty && file == nil }

  func append(_ channel: OutputChannel, _ bytes: [UInt8]) {
    if file == nil, memoryBytes + bytes.count > Self.memoryLimit { file = Self.temporaryFile() }
    guard let file else {
      memory.append((channel, bytes))
      memoryBytes += bytes.count
      return
    }
    var header = [channel == .standardOutput ? 1 : 2] as [UInt8]
    withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { header.append(contentsOf: $0) }
    do throws(SystemPackage.Errno) {
      try file.writeCompletely(header + bytes)
    } catch {
      // No room on disk either: keep it in memory rather than lose it.
      memory.append((channel, bytes))
    }
  }

  /// Hands everything over in order, in pieces of at most 64 KiB, and empties the buffer.
  func replay(_ write: (OutputChannel, [UInt8]) -> Void) {
    for (channel, bytes) in memory { write(channel, bytes) }
    memory = []
    memoryBytes = 0
    guard let file else { return }
    self.file = nil
    defer { try? file.close() }
    guard (try? file.seek(offset: 0, from: .start)) != nil else { return }
    while let header = Self.read(9, from: file), header.count == 9 {
      let channel: OutputChannel = header[0] == 1 ? .standardOutput : .standardError
      var left = header[1...].reversed().reduce(0) { $0 << 8 | Int($1) }
      while left > 0 {
        guard let chunk = Self.read(min(left, 64 << 10), from: file), !chunk.isEmpty else { return }
        write(channel, chunk)
        left -= chunk.count
      }
    }
  }

  deinit { try? file?.close() }

  private static func read(_ count: Int, from file: FileDescriptor) -> [UInt8]? {
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
      filled = 0
      while filled < count {
        guard
          let read = try? file.read(
            into: UnsafeMutableRawBufferPointer(
              UnsafeMutableBufferPointer(rebasing: buffer[filled...])))
        else {
          failed = true
          return
        }
        if read == 0 { return }
        filled += read
      }
    }
    return failed ? nil : bytes
  }

  /// A file in `$TMPDIR` (or `/tmp`) whose name is removed at once: its space is freed when
  /// it is closed, however blumeops ends.
  private static func temporaryFile() -> FileDescriptor? {
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((directory + "/blumeops-output-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return nil }
    // No child may inherit it: children are started with only their three descriptors anyway.
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    unlink(String(cString: template))
    return FileDescriptor(rawValue: descriptor)
  }
}
