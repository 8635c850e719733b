/// docs-check-index: each category's index card links every other doc in its folder.
public enum IndexCheck {
  public static let name = "docs-check-index"
  /// The Diataxis categories, in report order.
  public static let categories = ["tutorials", "how-to", "reference", "explanation"]

  public static func run(_ set: DocSet) -> CheckReport {
    var findings: [DocsFinding] = []
    var listed: [String: Set<String>] = [:]
    for category in categories where set.folders.contains(category) {
      let indexPath = "\(category)/\(category).md"
      let card = set.docsByStem[category]?.first { set.docs[$0].path == indexPath }
      if let card {
        listed[category] = linkedStems(set.docs[card])
      } else {
        findings.append(DocsFinding(.missingIndex, path: indexPath))
      }
    }
    // One pass in path order.
    for index in set.docs.indices {
      let path = set.docs[index].path
      guard let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")) else { continue }
      let category = String(path[..<slash])
      guard let stems = listed[category], !stems.contains(set.docs[index].stem),
        path != "\(category)/\(category).md"
      else { continue }
      var finding = DocsFinding(.missingFromIndex, path: path)
      finding.index = "\(category)/\(category).md"
      findings.append(finding)
    }
    // A missing card's finding goes where the card would be in path order.
    findings = findings.enumerated().sorted {
      ($0.element.path, $0.offset) < ($1.element.path, $1.offset)
    }
    .map(\.element)
    let summaryLine =
      "\(name): \(CheckReport.plural(listed.count, "index card")) checked, "
      + CheckReport.problems(findings.count)
    return CheckReport(
      check: name, findings: findings,
      summary: [("docs", set.docs.count), ("indexes", listed.count), ("findings", findings.count)],
      summaryLine: summaryLine)
  }

  /// Stems an index card reaches with any link form (embeds, headings, shown text, paths).
  private static func linkedStems(_ card: Doc) -> Set<String> {
    var stems = Set<String>()
    card.links.withUnsafeBufferPointer { links in
      for index in links.indices {
        stems.insert(links[index].withFilePart { stem(linkedBy: $0) })
      }
    }
    return stems
  }

  /// The stem a file part names: without spaces around it, folders before it or `.md` after it.
  /// An ASCII file part is read as bytes; any other as Characters, which are slower but may join
  /// a combining mark to a space or a slash.
  static func stem(linkedBy filePart: UnsafeBufferPointer<UInt8>) -> String {
    guard filePart.allSatisfy({ $0 < 0x80 }) else {
      var part = String(decoding: filePart, as: UTF8.self)[...].trimmingSpaces()
      if let slash = part.lastIndex(of: "/") { part = part[part.index(after: slash)...] }
      if part.hasSuffix(".md") { part = part.dropLast(3) }
      return String(part)
    }
    func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    var start = 0
    var end = filePart.count
    while start < end, isSpace(filePart[start]) { start += 1 }
    while end > start, isSpace(filePart[end - 1]) { end -= 1 }
    if let slash = filePart[start..<end].lastIndex(of: UInt8(ascii: "/")) { start = slash + 1 }
    if end - start >= 3, Doc.isMarkdownName(UnsafeBufferPointer(rebasing: filePart[start..<end])) {
      end -= 3
    }
    return String(decoding: UnsafeBufferPointer(rebasing: filePart[start..<end]), as: UTF8.self)
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
