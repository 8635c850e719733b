import Glibc
import SystemPackage

/// Writes whole messages straight to a file descriptor: one writer, no reordering between
/// buffered and unbuffered streams.
enum Console {
  static func out(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n", to: 1) }
  static func error(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n", to: 2) }

  static func write(_ text: String, to descriptor: Int32) {
    // A signal is ending blumeops and stopping what it started: a precondition or `op read`
    // failing because of that is no news.
    if Interrupts.isEnding { return }
    try? FileDescriptor(rawValue: descriptor).writeCompletely(text)
  }

  static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }
}
