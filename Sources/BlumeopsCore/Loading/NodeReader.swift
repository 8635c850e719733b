/// Typed, located access to YAML nodes of one task file; collects every problem it meets.
struct NodeReader {
  let file: String
  var errors: [BlumeopsError] = []

  init(file: String) {
    self.file = file
  }

  func location(_ node: YAMLNode) -> SourceLocation {
    SourceLocation(file: file, position: node.position)
  }

  mutating func fail(_ error: BlumeopsError) {
    errors.append(error)
  }

  /// A scalar as text; null reads as nil, a collection is a type error.
  mutating func string(_ node: YAMLNode, key: String) -> String? {
    if node.isNull { return nil }
    guard let text = node.scalar else {
      fail(.wrongType(key: key, expected: "a string", found: node.kindName, at: location(node)))
      return nil
    }
    return text
  }

  mutating func bool(_ node: YAMLNode, key: String) -> Bool? {
    guard let text = string(node, key: key) else { return nil }
    switch text.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      fail(.invalidValue(key: key, value: text, expected: "`true` or `false`", at: location(node)))
      return nil
    }
  }

  mutating func int(_ node: YAMLNode, key: String) -> Int? {
    guard let text = string(node, key: key) else { return nil }
    guard let value = Int(text) else {
      fail(.invalidValue(key: key, value: text, expected: "a whole number", at: location(node)))
      return nil
    }
    return value
  }

  /// `allowsZero`: `0s` means none (a retry's delay), not a mistake.
  mutating func duration(_ node: YAMLNode, key: String, allowsZero: Bool = false) -> Duration? {
    guard let text = string(node, key: key) else { return nil }
    switch Duration.read(text, allowsZero: allowsZero) {
    case .duration(let value): return value
    case .malformed:
      fail(
        .invalidValue(
          key: key, value: text, expected: "a duration such as `90s`, `10m` or `1h30m`",
          at: location(node)))
    case .tooLong:
      fail(
        .invalidValue(
          key: key, value: text, expected: "a duration of at most `8760h` (365 days)",
          at: location(node)))
    }
    return nil
  }

  /// A list of scalars; a single scalar is accepted as a one-item list.
  mutating func strings(_ node: YAMLNode, key: String) -> [String] {
    if node.isNull { return [] }
    if let text = node.scalar { return [text] }
    guard let items = node.sequence else {
      fail(
        .wrongType(
          key: key, expected: "a list of strings", found: node.kindName, at: location(node)))
      return []
    }
    return items.compactMap { string($0, key: key) }
  }

  /// A mapping's pairs with scalar keys; anything else is a type error.
  mutating func pairs(_ node: YAMLNode, key: String) -> [(
    key: String, keyNode: YAMLNode, value: YAMLNode
  )] {
    if node.isNull { return [] }
    guard let pairs = node.mapping else {
      fail(.wrongType(key: key, expected: "a mapping", found: node.kindName, at: location(node)))
      return []
    }
    return pairs.compactMap { pair in
      guard let name = pair.key.scalar else {
        fail(
          .wrongType(
            key: key, expected: "a mapping with string keys", found: pair.key.kindName,
            at: location(pair.key)))
        return nil
      }
      return (name, pair.key, pair.value)
    }
  }

  /// Variables of an `env` mapping, values kept as written.
  mutating func environment(_ node: YAMLNode, key: String = "env") -> [EnvironmentVariable] {
    pairs(node, key: key).compactMap { entry in
      if entry.value.isNull { return EnvironmentVariable(entry.key, "") }
      guard let value = entry.value.scalar else {
        fail(
          .wrongType(
            key: "\(key).\(entry.key)", expected: "a string", found: entry.value.kindName,
            at: location(entry.value)))
        return nil
      }
      return EnvironmentVariable(entry.key, value)
    }
  }

  /// Reports keys of a mapping that are not among `known`.
  mutating func checkKeys(
    _ pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)], known: [String], context: String
  ) {
    for pair in pairs where !known.contains(pair.key) {
      fail(
        .unknownKey(
          key: pair.key, context: context, suggestion: Suggestion.closest(to: pair.key, in: known),
          at: location(pair.keyNode)))
    }
  }
}
