#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
  private let systemClose = Glibc.close
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
  private let systemClose = Darwin.close
#endif

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

  /// Creates `path` and its missing parents, like `mkdir -p`.
  static func makeDirectories(_ path: String) {
    var current = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      current += "/" + component
      _ = mkdir(current, 0o755)
    }
  }

  static func close(_ fd: Int32) { _ = systemClose(fd) }
}
