import BlumeopsCore

/// docs-review: docs in the order they are due for review.
public struct ReviewQueue: Sendable {
  public static let name = "docs-review"

  public struct Entry: Sendable, Equatable {
    /// Relative to `docs/`.
    public var path: String
    public var title: String?
    public var lastReviewed: DocsDate?
    /// Days since the last review; nil when never reviewed.
    public var age: Int?
  }

  public var today: DocsDate
  /// Never-reviewed docs first in path order, then by last review, oldest first.
  public var entries: [Entry]

  public init(_ set: DocSet, today: DocsDate) {
    self.today = today
    let all = set.docs.map { doc in
      Entry(
        path: doc.path, title: doc.title, lastReviewed: doc.lastReviewed,
        age: doc.lastReviewed.map { today.days(since: $0) })
    }
    // A stable sort keeps path order within the never-reviewed group and among equal dates.
    let never = all.filter { $0.lastReviewed == nil }
    let reviewed = all.filter { $0.lastReviewed != nil }.enumerated().sorted {
      ($0.element.lastReviewed!, $0.offset) < ($1.element.lastReviewed!, $1.offset)
    }.map(\.element)
    entries = never + reviewed
  }

  public var neverReviewed: Int { entries.lazy.filter { $0.lastReviewed == nil }.count }

  /// The whole queue as JSON.
  public var json: JSONValue {
    .object([
      ("check", .string(Self.name)),
      ("today", .string(today.description)),
      (
        "queue",
        .array(
          entries.map { entry in
            .object([
              ("path", .string(entry.path)),
              ("title", .optional(entry.title)),
              ("last_reviewed", .optional(entry.lastReviewed?.description)),
              ("age", entry.age.map(JSONValue.number) ?? .null),
            ])
          })
      ),
      (
        "summary",
        .object([("docs", .number(entries.count)), ("never_reviewed", .number(neverReviewed))])
      ),
    ])
  }
}
