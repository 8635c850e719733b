/// One doc of the set, parsed once and shared by every check.
public struct Doc: Sendable {
  /// Relative to `docs/`, with `/` separators.
  public var path: String
  /// The file name without `.md`.
  public var stem: String
  /// Nil when the file has no frontmatter block (or an unreadable one).
  public var frontmatter: Frontmatter?
  public var frontmatterError: FrontmatterError?
  /// Line of the first invalid UTF-8 sequence, if any (the text was decoded lossily).
  public var invalidUTF8Line: Int?
  /// Wiki-links outside code, in source order.
  public var links: [WikiLink]

  public init(
    path: String, frontmatter: Frontmatter? = nil, frontmatterError: FrontmatterError? = nil,
    invalidUTF8Line: Int? = nil, links: [WikiLink] = []
  ) {
    self.path = path
    self.stem = Doc.stem(of: path)
    self.frontmatter = frontmatter
    self.frontmatterError = frontmatterError
    self.invalidUTF8Line = invalidUTF8Line
    self.links = links
  }

  public var title: String? { frontmatter?.title }
  public var tags: [String] { frontmatter?.tags ?? [] }
  public var lastReviewed: DocsDate? { frontmatter?.lastReviewed }

  static func stem(of path: String) -> String {
    var path = path
    return path.withUTF8 { bytes in
      let start = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
      let end = isMarkdownName(bytes) ? bytes.count - 3 : bytes.count
      return String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(start, end)]), as: UTF8.self)
    }
  }

  /// A name ending in `.md`, compared byte for byte as the file system does.
  static func isMarkdownName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count >= 3 && bytes[bytes.count - 3] == UInt8(ascii: ".")
      && bytes[bytes.count - 2] == UInt8(ascii: "m") && bytes[bytes.count - 1] == UInt8(ascii: "d")
  }
}
