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

  public init(line: Int, target: String, shown: String? = nil, isEmbed: Bool = false) {
    self.line = line
    self.target = target
    self.shown = shown
    self.isEmbed = isEmbed
    let utf8 = target.utf8
    if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
      filePart = String(target[..<hash])
    } else {
      filePart = target
    }
    isSpaced =
      Self.isSpace(utf8.first) || Self.isSpace(utf8.last) || Self.isSpace(shown?.utf8.first)
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
