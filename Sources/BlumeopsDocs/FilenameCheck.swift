/// docs-check-filenames: a stem must name one doc only (Quartz resolves links by stem).
public enum FilenameCheck {
  public static let name = "docs-check-filenames"

  public static func run(_ set: DocSet) -> CheckReport {
    let duplicated = set.docsByStem.filter { $0.value.count > 1 }.sorted {
      $0.value[0] < $1.value[0]
    }
    let findings = duplicated.map { stem, indices in
      var finding = DocsFinding(.duplicateStem, path: set.docs[indices[0]].path)
      finding.stem = stem
      finding.paths = indices.map { set.docs[$0].path }
      return finding
    }
    let unique = set.docsByStem.count
    let summaryLine =
      "\(name): \(CheckReport.plural(set.docs.count, "doc")), "
      + "\(CheckReport.plural(unique, "unique stem")), "
      + "\(CheckReport.plural(findings.count, "duplicate"))"
    return CheckReport(
      check: name, findings: findings,
      summary: [
        ("docs", set.docs.count), ("unique_stems", unique), ("duplicates", findings.count),
      ],
      summaryLine: summaryLine)
  }
}
