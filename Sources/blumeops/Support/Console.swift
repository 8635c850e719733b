import Glibc

/// Writes whole messages straight to a file descriptor: one writer, no reordering between
/// buffered and unbuffered streams.
enum Console {
  static func out(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n", to: 1) }
  static func error(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n", to: 2) }

  static func write(_ text: String, to descriptor: Int32) {
    // A signal is ending blumeops and stopping what it started: a precondition or `op read`
    // failing because of that is no news.
    if Interrupts.isEnding { return }
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += written
      }
    }
  }

  static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }
}
