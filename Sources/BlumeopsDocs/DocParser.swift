import BlumeopsCore
import Glibc

/// Turns one file's bytes into a `Doc`: UTF-8 check, frontmatter, wiki-links, in one pass.
enum DocParser {
  static func parse(path: String, bytes: [UInt8], parts: DocParts = .all) -> Doc {
    bytes.withUnsafeBufferPointer { parse(path: path, buffer: $0, parts: parts) }
  }

  static func parse(path: String, buffer: UnsafeBufferPointer<UInt8>, parts: DocParts = .all)
    -> Doc
  {
    guard let offset = UTF8Check.firstInvalidOffset(buffer) else {
      return parse(path: path, text: buffer, parts: parts)
    }
    // Checked as if each bad byte were U+FFFD; the finding names the first one's line.
    let repaired = Array(String(decoding: buffer, as: UTF8.self).utf8)
    var doc = repaired.withUnsafeBufferPointer { parse(path: path, text: $0, parts: parts) }
    doc.invalidUTF8Line = UTF8Check.line(of: offset, in: buffer)
    return doc
  }

  private static func parse(path: String, text: UnsafeBufferPointer<UInt8>, parts: DocParts)
    -> Doc
  {
    var doc = Doc(path: path)
    var body = LineCursor(text)
    var lines = LineCursor(text)
    if let first = lines.next(), isFence(text, first) {
      while let line = lines.next(), !isFence(text, line) {}
      // `lines` now stands after the closing fence, if there was one.
      if let closing = lines.previous, isFence(text, closing), closing.number > 1 {
        if parts.contains(.frontmatter) {
          readFrontmatter(
            into: &doc, yaml: UnsafeBufferPointer(rebasing: text[first.next..<closing.start]))
        }
        body = lines
      }
    }
    guard parts.readsLinks(path) else { return doc }
    var scanner = WikiLinkScanner(capacity: openings(in: text))
    while let line = body.next() {
      scanner.scan(text, from: line.start, to: line.end, line: line.number)
    }
    doc.links = scanner.finish()
    return doc
  }

  private static func readFrontmatter(into doc: inout Doc, yaml: UnsafeBufferPointer<UInt8>) {
    do {
      let node: YAMLNode?
      switch FlatYAMLReader.parse(yaml) {
      case .parsed(let flat): node = flat
      case .unsupported:
        var bytes = Array(yaml)
        node = try YAMLReader.parse(bytes: &bytes)
      }
      switch Frontmatter.read(node, firstLine: 2) {
      case .success(let frontmatter): doc.frontmatter = frontmatter
      case .failure(let error): doc.frontmatterError = error
      }
    } catch {
      var message = error.message
      if message.hasPrefix("invalid YAML: ") { message.removeFirst("invalid YAML: ".count) }
      doc.frontmatterError = FrontmatterError(line: error.position.line + 1, message: message)
    }
  }

  /// How many `[[` the text holds: room for every link at once, rather than growing the list
  /// (and copying it) several times per doc.
  private static func openings(in text: UnsafeBufferPointer<UInt8>) -> Int {
    guard var cursor = text.baseAddress else { return 0 }
    let end = cursor + text.count
    var count = 0
    while cursor < end,
      let found = memchr(cursor, Int32(UInt8(ascii: "[")), end - cursor)?.assumingMemoryBound(
        to: UInt8.self)
    {
      cursor = UnsafePointer(found) + 1
      if cursor < end, cursor.pointee == UInt8(ascii: "[") {
        count += 1
        cursor += 1
      }
    }
    return count
  }

  /// A line that is exactly `---`.
  private static func isFence(_ text: UnsafeBufferPointer<UInt8>, _ line: LineCursor.Line) -> Bool {
    line.end - line.start == 3 && text[line.start] == UInt8(ascii: "-")
      && text[line.start + 1] == UInt8(ascii: "-") && text[line.start + 2] == UInt8(ascii: "-")
  }
}

/// Walks the lines of a buffer; a line's `end` excludes its `\n` and a `\r` before it.
struct LineCursor {
  struct Line {
    var number: Int
    var start: Int
    var end: Int
    /// Where the following line starts.
    var next: Int
  }

  private let text: UnsafeBufferPointer<UInt8>
  private var position = 0
  private var number = 0
  /// The line most recently returned.
  private(set) var previous: Line?

  init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

  mutating func next() -> Line? {
    guard position < text.count, let base = text.baseAddress else { return nil }
    number += 1
    let start = position
    let found = memchr(base + start, Int32(UInt8(ascii: "\n")), text.count - start)
    var end =
      found.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base }
      ?? text.count
    position = found == nil ? text.count : end + 1
    if end > start, text[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    previous = Line(number: number, start: start, end: end, next: position)
    return previous
  }
}
