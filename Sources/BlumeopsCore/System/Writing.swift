import Glibc
import SystemPackage

extension FileDescriptor {
  /// Writes all of `bytes`: short writes continued, `EINTR` retried, and a descriptor that
  /// someone sharing it left non-blocking waited on with `poll`. False when not all could be
  /// written (the reader gone, the disk full): what that means is the caller's to say.
  @discardableResult
  public func writeCompletely(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < bytes.count {
      do {
        offset += try write(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
      } catch Errno.resourceTemporarilyUnavailable {
        var poller = pollfd(fd: rawValue, events: Int16(POLLOUT), revents: 0)
        _ = poll(&poller, 1, 100)
      } catch {
        return false
      }
    }
    return true
  }

  @discardableResult
  public func writeCompletely(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { writeCompletely($0) }
  }

  @discardableResult
  public func writeCompletely(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { writeCompletely(UnsafeRawBufferPointer($0)) }
  }
}

extension FileSystem {
  /// Appends `text` to the file, creating it. One `write` on an `O_APPEND` descriptor, so that
  /// concurrent runs never interleave within a line.
  @discardableResult
  public static func append(_ text: String, to path: String) -> Bool {
    write(text, to: path, options: [.create, .append, .closeOnExec])
  }

  /// Replaces the file's contents with `text`, creating it.
  @discardableResult
  public static func replaceContents(of path: String, with text: String) -> Bool {
    write(text, to: path, options: [.create, .truncate, .closeOnExec])
  }

  private static func write(
    _ text: String, to path: String, options: FileDescriptor.OpenOptions
  ) -> Bool {
    guard
      let file = try? FileDescriptor.open(
        path, .writeOnly, options: options, permissions: [.ownerReadWrite, .groupRead, .otherRead])
    else { return false }
    let written = file.writeCompletely(text)
    let closed = (try? file.close()) != nil
    return written && closed
  }
}
