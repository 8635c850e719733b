/// One wiki-link as written in a doc: `[[target]]`, `[[target|Text]]`, `![[target]]`.
public struct WikiLink: Sendable, Equatable {
  /// 1-based line of the opening `[[`.
  public var line: Int
  /// The raw text before the first `|` (or the whole inside when there is none).
  public var target: String
  /// The text after the first `|`, if the link has one.
  public var shown: String?
  public var isEmbed: Bool
  /// What precedes the first `#` of the target (computed once: every check reads it).
  public let filePart: String
  /// Spaces at either end of the target, or right after the `|`.
  public let isSpaced: Bool
  /// The file part holds a `/`: a link by path rather than by stem.
  let isPath: Bool

  public init(line: Int, target: String, shown: String? = nil, isEmbed: Bool = false) {
    let bytes = Array(target.utf8)
    self = bytes.withUnsafeBufferPointer {
      WikiLink(line: line, target: $0, shown: shown, isEmbed: isEmbed)
    }
  }

  /// A link read straight from a doc's bytes: the fields every check reads are worked out here,
  /// once, from the bytes rather than the strings.
  init(line: Int, target bytes: UnsafeBufferPointer<UInt8>, shown: String?, isEmbed: Bool) {
    // Worked out into locals and stored once: reading `self` while it is being built made the
    // compiler copy the whole link.
    let target = String(decoding: bytes, as: UTF8.self)
    let hash = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
    self.line = line
    self.shown = shown
    self.isEmbed = isEmbed
    filePart =
      hash == bytes.count
      ? target : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<hash]), as: UTF8.self)
    self.target = target
    isPath = bytes[..<hash].contains(UInt8(ascii: "/"))
    isSpaced =
      Self.isSpace(bytes.first) || Self.isSpace(bytes.last) || Self.isSpace(shown?.utf8.first)
  }

  /// A `[[#Heading]]` link into the same doc.
  public var isHeadingOnly: Bool { target.utf8.first == UInt8(ascii: "#") }

  /// The link as written, for messages.
  public var written: String {
    (isEmbed ? "![[" : "[[") + target + (shown.map { "|" + $0 } ?? "") + "]]"
  }

  private static func isSpace(_ byte: UInt8?) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }
}
