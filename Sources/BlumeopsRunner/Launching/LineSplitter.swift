/// Cuts a byte stream into batches of whole lines. A line longer than `longestLine` is handed
/// over in pieces without a line break, so that a child printing gigabytes without one costs
/// blumeops no more than a piece of memory.
struct LineSplitter {
  static let longestLine = 64 << 10
  private var partial: [UInt8] = []

  /// Takes the next bytes read; returns the complete lines they finish, each ending in `\n`, or
  /// a piece of a long line, which does not.
  mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
    guard let last = lastNewline(in: bytes) else {
      partial.append(contentsOf: bytes)
      guard partial.count >= Self.longestLine else { return nil }
      defer { partial.removeAll(keepingCapacity: true) }
      return partial
    }
    var batch: [UInt8]
    if partial.isEmpty {
      batch = Array(bytes[...last])
    } else {
      batch = partial
      batch.append(contentsOf: bytes[...last])
      partial.removeAll(keepingCapacity: true)
    }
    if last + 1 < bytes.count { partial.append(contentsOf: bytes[(last + 1)...]) }
    return batch
  }

  /// Ends the stream: returns an unfinished last line, as it is (without a newline).
  mutating func finish() -> [UInt8]? {
    guard !partial.isEmpty else { return nil }
    defer { partial = [] }
    return partial
  }

  private func lastNewline(in bytes: UnsafeRawBufferPointer) -> Int? {
    var index = bytes.count - 1
    while index >= 0 {
      if bytes[index] == UInt8(ascii: "\n") { return index }
      index -= 1
    }
    return nil
  }
}
