import Glibc
import SystemPackage

extension FileDescriptor {
  /// Writes all of `bytes`: short writes continued, `EINTR` retried, and a descriptor that
  /// someone sharing it left non-blocking waited on with `poll`. Throws what stopped it (the
  /// reader gone, the disk full); what that means is the caller's to say.
  public func writeCompletely(_ bytes: UnsafeRawBufferPointer) throws(Errno) {
    var offset = 0
    while offset < bytes.count {
      do {
        offset += try write(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
      } catch Errno.resourceTemporarilyUnavailable {
        var poller = pollfd(fd: rawValue, events: Int16(POLLOUT), revents: 0)
        _ = poll(&poller, 1, 100)
      } catch let error as Errno {
        throw error
      } catch {
        throw .ioError
      }
    }
  }

  public func writeCompletely(_ bytes: [UInt8]) throws(Errno) {
    var failure: Errno?
    bytes.withUnsafeBytes { buffer in
      do throws(Errno) { try writeCompletely(buffer) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  public func writeCompletely(_ text: String) throws(Errno) {
    try writeCompletely(Array(text.utf8))
  }
}

extension FileSystem {
  /// Appends `text` to the file, creating it. One `write` on an `O_APPEND` descriptor, so that
  /// concurrent runs never interleave within a line.
  public static func append(_ text: String, to path: String) throws(Errno) {
    try write(text, to: path, options: [.create, .append, .closeOnExec])
  }

  /// Replaces the file's contents with `text`, creating it.
  public static func replaceContents(of path: String, with text: String) throws(Errno) {
    try write(text, to: path, options: [.create, .truncate, .closeOnExec])
  }

  /// Opens `path` for writing, creating it readable by all and writable by its owner.
  public static func openForWriting(
    _ path: String, options: FileDescriptor.OpenOptions, reading: Bool = false
  ) throws(Errno) -> FileDescriptor {
    do {
      return try FileDescriptor.open(
        path, reading ? .readWrite : .writeOnly, options: options,
        permissions: [.ownerReadWrite, .groupRead, .otherRead])
    } catch let error as Errno {
      throw error
    } catch {
      throw .ioError
    }
  }

  private static func write(
    _ text: String, to path: String, options: FileDescriptor.OpenOptions
  ) throws(Errno) {
    let file = try openForWriting(path, options: options)
    defer { try? file.close() }
    try file.writeCompletely(text)
  }
}
