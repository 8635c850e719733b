/// A position in a source text, 1-based, with the width of the token that starts there.
public struct SourcePosition: Hashable, Sendable {
  public var line: Int
  public var column: Int
  /// Columns covered on the start line (at least 1); used to draw carets.
  public var width: Int

  public init(line: Int, column: Int, width: Int = 1) {
    self.line = line
    self.column = column
    self.width = max(1, width)
  }
}

/// A YAML node that remembers where it was written.
///
/// Scalars keep their source text: the schema of whoever reads the node decides what `on`, `0755`
/// or `1.10` mean, never the YAML library.
public struct YAMLNode: Sendable {
  public enum Content: Sendable {
    case scalar(String, plain: Bool)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  public var content: Content
  public var position: SourcePosition

  public init(_ content: Content, at position: SourcePosition) {
    self.content = content
    self.position = position
  }

  /// The scalar's text, or nil for collections.
  public var scalar: String? {
    if case .scalar(let text, _) = content { return text }
    return nil
  }

  /// True for an unquoted `~`, `null`, `Null`, `NULL` or an empty plain scalar.
  public var isNull: Bool {
    guard case .scalar(let text, let plain) = content, plain else { return false }
    return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
  }

  public var sequence: [YAMLNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = content { return pairs }
    return nil
  }

  /// The kind of node, in words, for error messages.
  public var kindName: String {
    switch content {
    case .scalar: return isNull ? "null" : "a scalar"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    }
  }

  /// The value under a scalar key of a mapping, if any.
  public subscript(key: String) -> YAMLNode? {
    mapping?.first { $0.key.scalar == key }?.value
  }
}

/// One entry of a mapping, in document order.
public struct YAMLPair: Sendable {
  public var key: YAMLNode
  public var value: YAMLNode

  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}
