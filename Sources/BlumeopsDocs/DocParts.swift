/// What is read of each doc. The listing of `docs/` alone gives every path and stem; a doc's
/// text is read only for the parts asked for, so each check reads no more than it needs.
public struct DocParts: OptionSet, Sendable, Hashable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// The wiki-links of every doc.
  public static let links = DocParts(rawValue: 1)
  /// The wiki-links of the category index cards (`how-to/how-to.md` and so on) only.
  public static let indexLinks = DocParts(rawValue: 2)
  /// The frontmatter of every doc, and whether its text is valid UTF-8.
  public static let frontmatter = DocParts(rawValue: 4)
  public static let all: DocParts = [.links, .indexLinks, .frontmatter]

  /// What a built-in reads: every part for docs-check and unknown names.
  public static func read(by builtin: String) -> DocParts {
    switch builtin {
    case LinkCheck.name: return .links
    case IndexCheck.name: return .indexLinks
    case FilenameCheck.name, StaleReport.name: return []
    case FrontmatterCheck.name, ReviewQueue.name, TagInventory.name: return .frontmatter
    default: return .all
    }
  }

  /// Whether the doc at `path` (relative to `docs/`) has anything to read.
  func needsText(_ path: String) -> Bool {
    !intersection([.links, .frontmatter]).isEmpty
      || (contains(.indexLinks) && Self.isIndexCard(path))
  }

  /// Whether the links of the doc at `path` are read.
  func readsLinks(_ path: String) -> Bool {
    contains(.links) || (contains(.indexLinks) && Self.isIndexCard(path))
  }

  /// `<category>/<category>.md` for one of the four categories.
  static func isIndexCard(_ path: String) -> Bool { indexCards.contains(path) }

  private static let indexCards = IndexCheck.categories.map { "\($0)/\($0).md" }
}
