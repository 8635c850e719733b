extension DocsFinding {
  /// The human message: lowercase first word, names in backticks, no full stop.
  public var message: String {
    let link = "`" + (written ?? "[[\(target ?? "")]]") + "`"
    switch kind {
    case .spaced:
      return "spaces in link \(link): no spaces at the ends of the target or around `|`"
    case .path:
      let stem = target.map { Doc.stem(of: WikiLink(line: 0, target: $0).filePart) } ?? ""
      return "link \(link) uses a path: link by stem only (`[[\(stem)]]`)"
    case .ambiguous:
      let list = (candidates ?? []).joined(separator: ", ")
      return "ambiguous link \(link): several docs have that stem: \(list)"
    case .broken:
      let hint = suggestion.map { " (did you mean `\($0)`?)" } ?? ""
      return "broken link \(link): no doc has that stem\(hint)"
    case .orphan:
      return "orphan: no other doc links here"
    case .missingFromIndex:
      return "not linked from its index card \(index ?? "")"
    case .missingIndex:
      return "missing index card for `\(path.split(separator: "/").first ?? "")/`"
    case .duplicateStem:
      let list = (paths ?? []).joined(separator: ", ")
      return "duplicate stem `\(stem ?? "")`: \(list)"
    case .missingField:
      return "missing frontmatter \(plural("field", fields)) \(quoted(fields))"
    case .misplacedField:
      let verb = (fields?.count ?? 0) == 1 ? "is" : "are"
      return "\(plural("field", fields)) \(quoted(fields)) \(verb) only allowed under how-to/"
    case .invalidFrontmatter:
      return "invalid frontmatter: \(error ?? "unreadable YAML")"
    case .invalidUTF8:
      return "invalid UTF-8 (read with replacement characters)"
    }
  }

  private func plural(_ word: String, _ items: [String]?) -> String {
    (items?.count ?? 0) == 1 ? word : word + "s"
  }

  private func quoted(_ items: [String]?) -> String {
    (items ?? []).map { "`\($0)`" }.joined(separator: ", ")
  }
}
