import BlumeopsCore

/// docs-review-tags: every tag with the docs that carry it, most used first.
public struct TagInventory: Sendable {
  public static let name = "docs-review-tags"

  public struct Entry: Sendable, Equatable {
    public var tag: String
    /// Doc paths relative to `docs/`, in path order.
    public var files: [String]
    public var count: Int { files.count }
  }

  /// By count descending, then tag.
  public var entries: [Entry]
  public var docCount: Int

  public init(_ set: DocSet) {
    var files: [String: [String]] = [:]
    for doc in set.docs {
      for tag in doc.tags { files[tag, default: []].append(doc.path) }
    }
    entries = files.map { Entry(tag: $0.key, files: $0.value) }.sorted {
      ($0.count, $1.tag) > ($1.count, $0.tag)
    }
    docCount = set.docs.count
  }

  public var summaryLine: String {
    "\(CheckReport.plural(entries.count, "tag")) across \(CheckReport.plural(docCount, "doc"))"
  }

  public func text(color: Bool) -> String {
    var table = TextTable([
      TextTable.Column("tag"), TextTable.Column("count", .right), TextTable.Column("files"),
    ])
    for entry in entries {
      table.add([
        TextTable.Cell(entry.tag), TextTable.Cell(String(entry.count)),
        TextTable.Cell(entry.files.joined(separator: ", ")),
      ])
    }
    return (entries.isEmpty ? "" : table.render(style: Style(color: color))) + summaryLine + "\n"
  }

  public var json: JSONValue {
    .object([
      ("check", .string(Self.name)),
      (
        "tags",
        .array(
          entries.map { entry in
            .object([
              ("tag", .string(entry.tag)), ("count", .number(entry.count)),
              ("files", .array(entry.files.map(JSONValue.string))),
            ])
          })
      ),
      ("summary", .object([("tags", .number(entries.count)), ("docs", .number(docCount))])),
    ])
  }
}
