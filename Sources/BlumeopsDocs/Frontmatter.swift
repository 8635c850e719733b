import BlumeopsCore

/// The fields of a doc's frontmatter block that the toolkit reads.
public struct Frontmatter: Sendable, Equatable {
  /// Top-level keys in document order, each with its 1-based line in the file.
  public var keys: [(name: String, line: Int)]
  public var title: String?
  public var tags: [String]
  /// Nil when absent or not a valid `YYYY-MM-DD`.
  public var lastReviewed: DocsDate?

  public init(
    keys: [(name: String, line: Int)] = [], title: String? = nil, tags: [String] = [],
    lastReviewed: DocsDate? = nil
  ) {
    self.keys = keys
    self.title = title
    self.tags = tags
    self.lastReviewed = lastReviewed
  }

  public func has(_ key: String) -> Bool { keys.contains { $0.name == key } }

  public static func == (lhs: Frontmatter, rhs: Frontmatter) -> Bool {
    lhs.keys.map(\.name) == rhs.keys.map(\.name) && lhs.keys.map(\.line) == rhs.keys.map(\.line)
      && lhs.title == rhs.title && lhs.tags == rhs.tags && lhs.lastReviewed == rhs.lastReviewed
  }

  /// Reads a parsed block whose first YAML line is file line `firstLine`.
  /// Returns a message when the block is not a mapping.
  static func read(_ node: YAMLNode?, firstLine: Int) -> Result<Frontmatter, FrontmatterError> {
    guard let node, !node.isNull else { return .success(Frontmatter()) }
    guard let pairs = node.mapping else {
      return .failure(
        FrontmatterError(
          line: node.position.line + firstLine - 1,
          message: "frontmatter is \(node.kindName), not a mapping"))
    }
    var frontmatter = Frontmatter()
    for pair in pairs {
      guard let name = pair.key.scalar else { continue }
      frontmatter.keys.append((name, pair.key.position.line + firstLine - 1))
      let value = pair.value
      switch name {
      case "title": frontmatter.title = value.isNull ? nil : value.scalar
      case "tags": frontmatter.tags = tags(value)
      case "last-reviewed": frontmatter.lastReviewed = value.scalar.flatMap(DocsDate.init)
      default: break
      }
    }
    return .success(frontmatter)
  }

  /// A list of scalars, or one scalar; duplicates dropped, order kept.
  private static func tags(_ value: YAMLNode) -> [String] {
    let items = value.sequence ?? [value]
    var tags: [String] = []
    tags.reserveCapacity(items.count)
    // A doc has a handful of tags: looking through them beats hashing each into a set.
    for item in items {
      guard let text = item.scalar, !item.isNull, !text.isEmpty, !tags.contains(text) else {
        continue
      }
      tags.append(text)
    }
    return tags
  }
}

/// Why a frontmatter block could not be read, at a file line.
public struct FrontmatterError: Error, Sendable, Equatable {
  public var line: Int
  public var message: String
}
