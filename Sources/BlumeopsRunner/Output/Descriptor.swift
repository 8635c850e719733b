import Glibc

private let systemWrite = Glibc.write
private let systemClose = Glibc.close

/// Plain file-descriptor I/O for output and logs.
enum Descriptor {
  /// Writes all of `bytes`, retrying short writes; drops them when the reader is gone (EPIPE).
  static func writeAll(_ bytes: [UInt8], to fd: Int32) {
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(fd, base + offset, buffer.count - offset)
        if written > 0 {
          offset += written
        } else if written < 0 && errno == EINTR {
          continue
        } else if written < 0 && errno == EAGAIN {
          var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
          _ = poll(&poller, 1, 100)
        } else {
          return
        }
      }
    }
  }

  /// Creates `path` and its missing parents, like `mkdir -p`. Usually only the last folder is
  /// missing, or none: parents are visited only when the folder itself cannot be made.
  static func makeDirectories(_ path: String) {
    if mkdir(path, 0o755) == 0 || errno != ENOENT { return }
    guard let slash = path.lastIndex(of: "/"), slash > path.startIndex else { return }
    makeDirectories(String(path[..<slash]))
    _ = mkdir(path, 0o755)
  }

  static func close(_ fd: Int32) { _ = systemClose(fd) }
}
