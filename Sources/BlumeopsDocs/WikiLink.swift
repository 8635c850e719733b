/// One wiki-link as written in a doc: `[[target]]`, `[[target|Text]]`, `![[target]]`.
///
/// A link keeps the bytes between its brackets in a buffer that every link of its doc shares,
/// and makes strings of them only when asked: a doc holds a dozen links, and building three
/// strings for each was most of the cost of reading it. Checks look targets up by those bytes.
public struct WikiLink: Sendable {
  /// 1-based line of the opening `[[`.
  public var line: Int
  public var isEmbed: Bool
  /// Spaces at either end of the target, or right after the `|`.
  public let isSpaced: Bool
  /// The file part holds a `/`: a link by path rather than by stem.
  let isPath: Bool
  /// Holds the inside of this link (and of the other links of its doc).
  private var inside: [UInt8]
  private let targetStart: Int32
  private let targetEnd: Int32
  /// Where the file part ends: the first `#` of the target, or its end.
  private let filePartEnd: Int32
  /// Where the shown text starts and ends (after the `|`), when there is one.
  private let shownStart: Int32
  private let shownEnd: Int32

  public init(line: Int, target: String, shown: String? = nil, isEmbed: Bool = false) {
    var bytes = Array(target.utf8)
    if let shown { bytes += [UInt8(ascii: "|")] + Array(shown.utf8) }
    let shownRange = shown == nil ? nil : (target.utf8.count + 1)..<bytes.count
    self = bytes.withUnsafeBufferPointer { text in
      WikiLink(
        line: line, text: text, target: 0..<target.utf8.count, shown: shownRange,
        isEmbed: isEmbed, at: 0)
    }
    inside = bytes
  }

  /// A link read from a doc's `text`, its target (and shown text) at these ranges. Its bytes
  /// will sit at `offset` of its doc's shared buffer: the target, then `|` and the shown text.
  /// The buffer comes with `share`, once every link of the doc is read.
  init(
    line: Int, text: UnsafeBufferPointer<UInt8>, target: Range<Int>, shown: Range<Int>?,
    isEmbed: Bool, at offset: Int
  ) {
    self.line = line
    self.isEmbed = isEmbed
    inside = []
    let targetBytes = UnsafeBufferPointer(rebasing: text[target])
    let hash = targetBytes.firstIndex(of: UInt8(ascii: "#")) ?? targetBytes.count
    targetStart = Int32(offset)
    targetEnd = Int32(offset + targetBytes.count)
    filePartEnd = Int32(offset + hash)
    shownStart = shown == nil ? -1 : Int32(offset + targetBytes.count + 1)
    shownEnd = shown.map { Int32(offset + targetBytes.count + 1 + $0.count) } ?? -1
    isPath = targetBytes[..<hash].contains(UInt8(ascii: "/"))
    isSpaced =
      Self.isSpace(targetBytes.first) || Self.isSpace(targetBytes.last)
      || shown.map { Self.isSpace(text[$0].first) } ?? false
  }

  /// Gives every link of `links` the one buffer they were read into.
  static func share(_ inside: [UInt8], with links: inout [WikiLink]) {
    for index in links.indices { links[index].inside = inside }
  }

  /// The raw text before the first `|` (or the whole inside when there is none).
  public var target: String { string(targetStart, targetEnd) }

  /// The text after the first `|`, if the link has one.
  public var shown: String? { shownStart < 0 ? nil : string(shownStart, shownEnd) }

  /// What precedes the first `#` of the target.
  public var filePart: String { string(targetStart, filePartEnd) }

  /// The docs the file part names, looked up by its bytes.
  func target(in stems: borrowing StemTable) -> StemTable.Match {
    withFilePart { stems.docs($0) }
  }

  /// The bytes of `filePart`.
  func withFilePart<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    inside.withUnsafeBufferPointer {
      body(UnsafeBufferPointer(rebasing: $0[Int(targetStart)..<Int(filePartEnd)]))
    }
  }

  /// A `[[#Heading]]` link into the same doc.
  public var isHeadingOnly: Bool { filePartEnd == targetStart && targetEnd > targetStart }

  /// The link as written, for messages.
  public var written: String {
    (isEmbed ? "![[" : "[[") + target + (shown.map { "|" + $0 } ?? "") + "]]"
  }

  private func string(_ start: Int32, _ end: Int32) -> String {
    inside.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)]), as: UTF8.self)
    }
  }

  private static func isSpace(_ byte: UInt8?) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }
}

extension WikiLink: Equatable {
  /// Links are equal when written the same on the same line, whichever buffer holds them.
  public static func == (lhs: WikiLink, rhs: WikiLink) -> Bool {
    lhs.line == rhs.line && lhs.isEmbed == rhs.isEmbed && lhs.target == rhs.target
      && lhs.shown == rhs.shown
  }
}
