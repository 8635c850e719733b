/// Reads the plain shape most frontmatter has — `key: value`, `key: [a, b]`, `key:` followed by
/// `- item` lines — without starting libyaml, whose parser set-up alone costs more than a whole
/// small doc.
///
/// It answers only when sure: anything outside that shape (quotes, comments, anchors, tabs,
/// colons or brackets inside values, continuation lines, duplicate keys…) returns `.unsupported`
/// and the caller asks `YAMLReader`, so the two always agree. The nodes it builds, positions
/// included, are the ones `YAMLReader` builds for the same text.
public enum FlatYAMLReader {
  public enum Result {
    /// The document, nil when empty.
    case parsed(YAMLNode?)
    /// Outside the flat shape: parse with `YAMLReader`.
    case unsupported
  }

  public static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Result {
    var scanner = FlatScanner(text)
    return scanner.document().map(Result.parsed) ?? .unsupported
  }
}

/// One pass over the lines; every `nil` means "not flat".
private struct FlatScanner {
  private let text: UnsafeBufferPointer<UInt8>
  private var lines: [Range<Int>] = []

  init(_ text: UnsafeBufferPointer<UInt8>) {
    self.text = text
  }

  mutating func document() -> YAMLNode?? {
    guard splitLines() else { return nil }
    var pairs: [YAMLPair] = []
    var keys = Set<String>()
    var index = 0
    while index < lines.count {
      let line = lines[index]
      index += 1
      if isBlank(line) { continue }
      guard let (key, valueStart) = keyOf(line, number: index), keys.insert(key.scalar!).inserted
      else { return nil }
      let rest = trimmedEnd(valueStart..<line.upperBound)
      let value: YAMLNode
      if rest.isEmpty {
        switch blockSequence(after: &index) {
        case .notFlat: return nil
        case .found(let sequence): value = sequence
        case .none:
          // libyaml places an empty value right after its colon.
          value = YAMLNode(
            .scalar("", plain: true),
            at: SourcePosition(line: key.position.line, column: key.position.width + 2))
        }
      } else if text[rest.lowerBound] == UInt8(ascii: "[") {
        guard let sequence = flowSequence(rest, line: index) else { return nil }
        value = sequence
      } else {
        guard let scalar = plainScalar(rest, line: index, inFlow: false) else { return nil }
        value = scalar
      }
      pairs.append(YAMLPair(key: key, value: value))
    }
    guard let first = pairs.first else { return .some(nil) }
    return .some(
      YAMLNode(.mapping(pairs), at: SourcePosition(line: first.key.position.line, column: 1)))
  }

  /// Splits on `\n` (a `\r` before it dropped); a lone `\r` or a tab is not flat.
  private mutating func splitLines() -> Bool {
    var start = 0
    var index = 0
    while index < text.count {
      let byte = text[index]
      if byte == UInt8(ascii: "\n") {
        var end = index
        if end > start, text[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        lines.append(start..<end)
        start = index + 1
      } else if byte == UInt8(ascii: "\t")
        || (byte == UInt8(ascii: "\r") && !followedByNewline(index))
      {
        return false
      }
      index += 1
    }
    if start < text.count { lines.append(start..<text.count) }
    return true
  }

  private func followedByNewline(_ index: Int) -> Bool {
    index + 1 < text.count && text[index + 1] == UInt8(ascii: "\n")
  }

  private func isBlank(_ line: Range<Int>) -> Bool {
    line.allSatisfy { text[$0] == UInt8(ascii: " ") }
  }

  private func trimmedEnd(_ range: Range<Int>) -> Range<Int> {
    var end = range.upperBound
    while end > range.lowerBound, text[end - 1] == UInt8(ascii: " ") { end -= 1 }
    var start = range.lowerBound
    while start < end, text[start] == UInt8(ascii: " ") { start += 1 }
    return start..<end
  }

  /// `name:` at column 1, followed by the end of the line or a space.
  private func keyOf(_ line: Range<Int>, number: Int) -> (YAMLNode, Int)? {
    var index = line.lowerBound
    guard index < line.upperBound, Self.startsKey(text[index]) else { return nil }
    while index < line.upperBound, Self.continuesKey(text[index]) { index += 1 }
    guard index < line.upperBound, text[index] == UInt8(ascii: ":") else { return nil }
    let after = index + 1
    guard after == line.upperBound || text[after] == UInt8(ascii: " ") else { return nil }
    let name = String(
      decoding: UnsafeBufferPointer(rebasing: text[line.lowerBound..<index]), as: UTF8.self)
    let key = YAMLNode(
      .scalar(name, plain: true),
      at: SourcePosition(line: number, column: 1, width: index - line.lowerBound))
    return (key, after)
  }

  private enum BlockSequence {
    case none
    case found(YAMLNode)
    case notFlat
  }

  /// `- item` lines, all at one indentation, right after an empty value.
  private func blockSequence(after index: inout Int) -> BlockSequence {
    var items: [YAMLNode] = []
    var indent: Int?
    var cursor = index
    var start: SourcePosition?
    while cursor < lines.count {
      let line = lines[cursor]
      if isBlank(line) {
        cursor += 1
        continue
      }
      var dash = line.lowerBound
      while dash < line.upperBound, text[dash] == UInt8(ascii: " ") { dash += 1 }
      guard dash < line.upperBound, text[dash] == UInt8(ascii: "-"),
        dash + 1 < line.upperBound, text[dash + 1] == UInt8(ascii: " ")
      else { break }
      let column = dash - line.lowerBound
      if let indent, indent != column { return .notFlat }
      indent = column
      let rest = trimmedEnd(dash + 2..<line.upperBound)
      guard !rest.isEmpty, let item = plainScalar(rest, line: cursor + 1, inFlow: false) else {
        return .notFlat
      }
      if start == nil { start = SourcePosition(line: cursor + 1, column: column + 1) }
      items.append(item)
      cursor += 1
    }
    guard let start else { return .none }
    index = cursor
    return .found(YAMLNode(.sequence(items), at: start))
  }

  /// `[a, b, c]` on one line.
  private func flowSequence(_ range: Range<Int>, line: Int) -> YAMLNode? {
    guard text[range.upperBound - 1] == UInt8(ascii: "]") else { return nil }
    let inner = range.lowerBound + 1..<range.upperBound - 1
    let open = SourcePosition(line: line, column: column(of: range.lowerBound, line: line))
    if trimmedEnd(inner).isEmpty { return YAMLNode(.sequence([]), at: open) }
    var items: [YAMLNode] = []
    var start = inner.lowerBound
    for index in inner.lowerBound...inner.upperBound
    where index == inner.upperBound || text[index] == UInt8(ascii: ",") {
      let item = trimmedEnd(start..<index)
      guard !item.isEmpty, let node = plainScalar(item, line: line, inFlow: true) else {
        return nil
      }
      items.append(node)
      start = index + 1
    }
    return YAMLNode(.sequence(items), at: open)
  }

  /// A plain scalar made only of characters that cannot mean anything else to YAML here.
  private func plainScalar(_ range: Range<Int>, line: Int, inFlow: Bool) -> YAMLNode? {
    guard Self.startsScalar(text[range.lowerBound]) else { return nil }
    var width = 0
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = text[index]
      if byte < 0x80 {
        guard Self.continuesScalar(byte), !(inFlow && byte == UInt8(ascii: ",")) else { return nil }
        index += 1
      } else {
        guard let length = Self.printableSequenceLength(text, at: index, end: range.upperBound)
        else { return nil }
        index += length
      }
      width += 1
    }
    let value = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
    return YAMLNode(
      .scalar(value, plain: true),
      at: SourcePosition(line: line, column: column(of: range.lowerBound, line: line), width: width)
    )
  }

  /// 1-based column (in characters, as libyaml counts) of a byte offset on a line.
  private func column(of offset: Int, line: Int) -> Int {
    columns(lines[line - 1].lowerBound..<offset) + 1
  }

  private func columns(_ range: Range<Int>) -> Int {
    range.reduce(0) { count, index in text[index] & 0xC0 == 0x80 ? count : count + 1 }
  }

  private static func startsKey(_ byte: UInt8) -> Bool {
    isLetter(byte) || byte == UInt8(ascii: "_")
  }

  private static func continuesKey(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
  }

  private static func startsScalar(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || byte >= 0x80 || Self.safeFirst.contains(byte)
  }

  private static func continuesScalar(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || Self.safeInside.contains(byte)
  }

  private static let safeFirst: Set<UInt8> = Set("_./()+$=~^".utf8)
  private static let safeInside: Set<UInt8> = Set(" -_./()+$=~^,;'\"?!&*%@<>|\\".utf8)

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// The length of a well-formed UTF-8 sequence for a character YAML prints as itself (not a
  /// line break, byte-order mark or non-character), or nil.
  private static func printableSequenceLength(
    _ text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int
  ) -> Int? {
    let lead = text[index]
    let length: Int
    var scalar: UInt32
    switch lead {
    case 0xC2...0xDF: (length, scalar) = (2, UInt32(lead & 0x1F))
    case 0xE0...0xEF: (length, scalar) = (3, UInt32(lead & 0x0F))
    case 0xF0...0xF4: (length, scalar) = (4, UInt32(lead & 0x07))
    default: return nil
    }
    guard index + length <= end else { return nil }
    for offset in 1..<length {
      let byte = text[index + offset]
      guard byte & 0xC0 == 0x80 else { return nil }
      scalar = scalar << 6 | UInt32(byte & 0x3F)
    }
    let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
    guard scalar >= minimum else { return nil }
    switch scalar {
    case 0xA0...0xD7FF where scalar != 0x2028 && scalar != 0x2029,
      0xE000...0xFFFD where scalar != 0xFEFF,
      0x10000...0x10FFFF:
      return length
    default:
      return nil
    }
  }
}
