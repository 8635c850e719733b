/// docs-check-index: each category's index card links every other doc in its folder.
public enum IndexCheck {
  public static let name = "docs-check-index"
  /// The Diataxis categories, in report order.
  public static let categories = ["tutorials", "how-to", "reference", "explanation"]

  public static func run(_ set: DocSet) -> CheckReport {
    var findings: [DocsFinding] = []
    var indexByPath: [String: Int] = [:]
    for (index, doc) in set.docs.enumerated() { indexByPath[doc.path] = index }
    var checked = 0
    for category in categories where set.folders.contains(category) {
      let indexPath = "\(category)/\(category).md"
      guard let card = indexByPath[indexPath] else {
        findings.append(DocsFinding(.missingIndex, path: indexPath))
        continue
      }
      checked += 1
      let listed = linkedStems(set.docs[card])
      for doc in set.docs
      where doc.path.hasPrefix(category + "/") && doc.path != indexPath && !listed.contains(doc.stem) {
        var finding = DocsFinding(.missingFromIndex, path: doc.path)
        finding.index = indexPath
        findings.append(finding)
      }
    }
    let summaryLine =
      "\(name): \(CheckReport.plural(checked, "index card")) checked, "
      + CheckReport.problems(findings.count)
    return CheckReport(
      check: name, findings: findings,
      summary: [("docs", set.docs.count), ("indexes", checked), ("findings", findings.count)],
      summaryLine: summaryLine)
  }

  /// Stems an index card reaches with any link form (embeds, headings, shown text, paths).
  private static func linkedStems(_ card: Doc) -> Set<String> {
    var stems = Set<String>()
    for link in card.links {
      var part = Substring(link.filePart).trimmingSpaces()
      if let slash = part.lastIndex(of: "/") { part = part[part.index(after: slash)...] }
      if part.hasSuffix(".md") { part = part.dropLast(3) }
      stems.insert(String(part))
    }
    return stems
  }
}

extension Substring {
  func trimmingSpaces() -> Substring {
    var text = self
    while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return text
  }
}
