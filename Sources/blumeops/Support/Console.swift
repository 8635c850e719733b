#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes whole messages straight to a file descriptor: one writer, no reordering between
/// buffered and unbuffered streams.
enum Console {
  static func out(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n", to: 1) }
  static func error(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n", to: 2) }

  static func write(_ text: String, to descriptor: Int32) {
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

  /// The process environment as a dictionary (an entry without `=` is skipped).
  static func environment() -> [String: String] {
    var count = 0
    while environ[count] != nil { count += 1 }
    var result = [String: String](minimumCapacity: count)
    for index in 0..<count {
      let entry = UnsafeRawPointer(environ[index]!).assumingMemoryBound(to: UInt8.self)
      let text = UnsafeBufferPointer(start: entry, count: strlen(environ[index]!))
      guard let equals = text.firstIndex(of: UInt8(ascii: "=")) else { continue }
      let name = String(decoding: UnsafeBufferPointer(rebasing: text[..<equals]), as: UTF8.self)
      result[name] = String(
        decoding: UnsafeBufferPointer(rebasing: text[(equals + 1)...]), as: UTF8.self)
    }
    return result
  }
}
