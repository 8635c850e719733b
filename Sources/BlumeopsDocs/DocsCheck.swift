/// docs-check: the four checks together, every finding, one summary.
public enum DocsCheck {
  public static let name = "docs-check"
  /// The checks it runs, in report order.
  public static let checks: [(name: String, run: @Sendable (DocSet) -> CheckReport)] = [
    (LinkCheck.name, LinkCheck.run), (IndexCheck.name, IndexCheck.run),
    (FilenameCheck.name, FilenameCheck.run), (FrontmatterCheck.name, FrontmatterCheck.run),
  ]

  public static func run(_ set: DocSet) -> CheckReport {
    let reports = checks.map { $0.run(set) }
    let findings = reports.flatMap(\.findings)
    let parts = reports.map { "\($0.check.dropFirst("docs-check-".count)) \($0.findings.count)" }
    let summaryLine =
      "\(name): \(CheckReport.plural(set.docs.count, "doc")), "
      + "\(CheckReport.problems(findings.count)) (\(parts.joined(separator: ", ")))"
    return CheckReport(
      check: name, findings: findings,
      summary: [("docs", set.docs.count), ("findings", findings.count)]
        + reports.map { ($0.check.replacing("-", with: "_"), $0.findings.count) },
      summaryLine: summaryLine)
  }
}
