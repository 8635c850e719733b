import BlumeopsCore

/// docs-review-stale: every doc with its last commit date, oldest first.
public struct StaleReport: Sendable {
  public static let name = "docs-review-stale"

  public struct Entry: Sendable, Equatable {
    /// Relative to `docs/`.
    public var path: String
    /// Nil when git has no commit for the doc (untracked, or not a git repository).
    public var lastCommit: GitLog.Stamp?
    public var age: Int?
    public var isStale: Bool
  }

  public var threshold: Int
  /// Tracked docs oldest first (ties in path order), then untracked docs in path order.
  public var entries: [Entry]

  /// `gitLog` is the output of `git` with `GitLog.arguments`; nil outside a git repository.
  public init(_ set: DocSet, gitLog: String?, today: DocsDate, threshold: Int) {
    self.threshold = threshold
    let dates = gitLog.map(GitLog.latestDates) ?? [:]
    let all = set.docs.map { doc -> Entry in
      let stamp = dates["docs/" + doc.path]
      let age = stamp.map { today.days(since: $0.date) }
      return Entry(path: doc.path, lastCommit: stamp, age: age, isStale: (age ?? 0) > threshold)
    }
    let tracked = all.filter { $0.lastCommit != nil }.enumerated().sorted {
      ($0.element.lastCommit!.instant, $0.offset) < ($1.element.lastCommit!.instant, $1.offset)
    }.map(\.element)
    entries = tracked + all.filter { $0.lastCommit == nil }
  }

  public var staleCount: Int { entries.lazy.filter(\.isStale).count }
  public var untrackedCount: Int { entries.lazy.filter { $0.lastCommit == nil }.count }

  public var summaryLine: String {
    "\(CheckReport.plural(entries.count, "doc")), \(staleCount) stale (over \(threshold) days), "
      + "\(untrackedCount) untracked"
  }

  public func text(color: Bool) -> String {
    var table = TextTable([
      TextTable.Column("path"), TextTable.Column("last commit"), TextTable.Column("age", .right),
      TextTable.Column(),
    ])
    for entry in entries {
      table.add([
        TextTable.Cell(entry.path),
        TextTable.Cell(entry.lastCommit.map { $0.date.description } ?? "untracked"),
        TextTable.Cell(entry.age.map(String.init) ?? "-"),
        TextTable.Cell(entry.isStale ? "STALE" : "", color: "33"),
      ])
    }
    return (entries.isEmpty ? "" : table.render(style: Style(color: color))) + summaryLine + "\n"
  }

  public var json: JSONValue {
    .object([
      ("check", .string(Self.name)),
      ("threshold", .number(threshold)),
      (
        "docs",
        .array(
          entries.map { entry in
            .object([
              ("path", .string(entry.path)),
              ("last_commit", .optional(entry.lastCommit?.text)),
              ("age", entry.age.map(JSONValue.number) ?? .null),
              ("stale", .bool(entry.isStale)),
              ("untracked", .bool(entry.lastCommit == nil)),
            ])
          })
      ),
      (
        "summary",
        .object([
          ("docs", .number(entries.count)), ("stale", .number(staleCount)),
          ("untracked", .number(untrackedCount)),
        ])
      ),
    ])
  }
}
