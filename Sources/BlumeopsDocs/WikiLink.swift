/// One wiki-link as written in a doc: `[[target]]`, `[[target|Text]]`, `![[target]]`.
public struct WikiLink: Sendable, Equatable {
  /// 1-based line of the opening `[[`.
  public var line: Int
  /// The raw text before the first `|` (or the whole inside when there is none).
  public var target: String
  /// The text after the first `|`, if the link has one.
  public var shown: String?
  public var isEmbed: Bool

  public init(line: Int, target: String, shown: String? = nil, isEmbed: Bool = false) {
    self.line = line
    self.target = target
    self.shown = shown
    self.isEmbed = isEmbed
  }

  /// What precedes the first `#` of the target.
  public var filePart: Substring {
    if let hash = target.firstIndex(of: "#") { return target[..<hash] }
    return target[...]
  }

  /// A `[[#Heading]]` link into the same doc.
  public var isHeadingOnly: Bool { target.first == "#" }

  /// Spaces at either end of the target, or right after the `|`.
  public var isSpaced: Bool {
    if let first = target.unicodeScalars.first, Self.isSpace(first) { return true }
    if let last = target.unicodeScalars.last, Self.isSpace(last) { return true }
    if let first = shown?.unicodeScalars.first, Self.isSpace(first) { return true }
    return false
  }

  /// The link as written, for messages.
  public var written: String {
    (isEmbed ? "![[" : "[[") + target + (shown.map { "|" + $0 } ?? "") + "]]"
  }

  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t"
  }
}
