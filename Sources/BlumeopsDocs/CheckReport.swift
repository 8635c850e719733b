import BlumeopsCore

/// What one docs check found: its findings in report order and a summary.
public struct CheckReport: Sendable, Equatable {
  public var check: String
  public var findings: [DocsFinding]
  /// Ordered summary counts, e.g. `docs`, `links`, `findings`.
  public var summary: [(key: String, value: Int)]
  /// The one-line text summary.
  public var summaryLine: String

  public init(
    check: String, findings: [DocsFinding], summary: [(key: String, value: Int)],
    summaryLine: String
  ) {
    self.check = check
    self.findings = findings
    self.summary = summary
    self.summaryLine = summaryLine
  }

  public static func == (lhs: CheckReport, rhs: CheckReport) -> Bool {
    lhs.check == rhs.check && lhs.findings == rhs.findings && lhs.summaryLine == rhs.summaryLine
      && lhs.summary.map(\.key) == rhs.summary.map(\.key)
      && lhs.summary.map(\.value) == rhs.summary.map(\.value)
  }

  /// 1 when anything was found, else 0.
  public var exitCode: Int32 { findings.isEmpty ? 0 : 1 }

  /// One `path:line: message` line per finding, then the summary line.
  public var text: String {
    var output = ""
    for finding in findings { output += finding.textLine + "\n" }
    return output + summaryLine + "\n"
  }

  /// `{"check": …, "findings": […], "summary": {…}}`.
  public var json: JSONValue {
    .object([
      ("check", .string(check)),
      ("findings", .array(findings.map(\.json))),
      ("summary", .object(summary.map { ($0.key, .number($0.value)) })),
    ])
  }

  /// "no problems", "1 problem", "3 problems".
  static func problems(_ count: Int) -> String {
    count == 0 ? "no problems" : count == 1 ? "1 problem" : "\(count) problems"
  }

  static func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
  }
}
