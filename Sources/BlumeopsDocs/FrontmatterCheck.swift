/// docs-check-frontmatter: required fields, how-to-only fields, readable YAML and UTF-8.
public enum FrontmatterCheck {
  public static let name = "docs-check-frontmatter"
  public static let requiredFields = ["title", "tags", "modified"]
  /// Fields allowed only in docs under `how-to/`.
  public static let howToOnlyFields = ["status", "requires", "branch"]

  public static func run(_ set: DocSet) -> CheckReport {
    var findings: [DocsFinding] = []
    // By index, borrowing each doc: a `for … in` copied every doc it visited.
    for index in set.docs.indices { check(set.docs[index], into: &findings) }
    let summaryLine =
      "\(name): \(CheckReport.plural(set.docs.count, "doc")), \(CheckReport.problems(findings.count))"
    return CheckReport(
      check: name, findings: findings,
      summary: [("docs", set.docs.count), ("findings", findings.count)],
      summaryLine: summaryLine)
  }

  static func check(_ doc: Doc) -> [DocsFinding] {
    var findings: [DocsFinding] = []
    check(doc, into: &findings)
    return findings
  }

  static func check(_ doc: borrowing Doc, into findings: inout [DocsFinding]) {
    if let line = doc.invalidUTF8Line {
      findings.append(DocsFinding(.invalidUTF8, path: doc.path, line: line))
    }
    if let error = doc.frontmatterError {
      var finding = DocsFinding(.invalidFrontmatter, path: doc.path, line: error.line)
      finding.error = error.message
      findings.append(finding)
      return
    }
    let frontmatter = doc.frontmatter ?? Frontmatter()
    let missing = requiredFields.filter { !frontmatter.has($0) }
    if !missing.isEmpty {
      var finding = DocsFinding(.missingField, path: doc.path)
      finding.fields = missing
      findings.append(finding)
    }
    if !doc.path.hasPrefix("how-to/") {
      let misplaced = frontmatter.keys.filter { howToOnlyFields.contains($0.name) }
      if let first = misplaced.first {
        var finding = DocsFinding(.misplacedField, path: doc.path, line: first.line)
        finding.fields = misplaced.map(\.name)
        findings.append(finding)
      }
    }
  }
}
