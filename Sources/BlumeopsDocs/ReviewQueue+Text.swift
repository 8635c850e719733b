import BlumeopsCore

extension ReviewQueue {
  /// Ages strictly over this many days are highlighted.
  static let highlightAge = 90

  /// Header, the first `limit` entries, the card up for review and its checklist.
  public func text(limit: Int, color: Bool) -> String {
    var output = "\(CheckReport.plural(entries.count, "doc")), \(neverReviewed) never reviewed\n"
    guard let top = entries.first else {
      return output + "nothing to review: no docs under docs/\n"
    }
    var table = TextTable([
      TextTable.Column("#", .right), TextTable.Column("path"), TextTable.Column("last reviewed"),
      TextTable.Column("age", .right),
    ])
    for (index, entry) in entries.prefix(limit).enumerated() {
      table.add([
        TextTable.Cell(String(index + 1)), TextTable.Cell(entry.path),
        TextTable.Cell(entry.lastReviewed?.description ?? "never"),
        TextTable.Cell(entry.age.map(String.init) ?? "-", color: entry.age.flatMap(Self.color)),
      ])
    }
    output += "\n" + table.render(style: Style(color: color))
    if entries.count > limit { output += "… \(entries.count - limit) more\n" }
    output += """

      Up for review: \(top.path)
        title:          \(top.title ?? "(none)")
        last reviewed:  \(top.lastReviewed.map { "\($0) (\(top.age ?? 0) days ago)" } ?? "never")

      Review checklist:
        - Is everything it says still true of the running homelab?
        - Do its links still lead where they should, and does it link its related cards?
        - Is it one short, single-purpose card in the right category?
        - Are its title and tags right?
      Then set in its frontmatter:
      last-reviewed: \(today)

      """
    return output
  }

  /// Yellow past 90 days, red past twice that.
  private static func color(for age: Int) -> String? {
    if age > highlightAge * 2 { return "31" }
    return age > highlightAge ? "33" : nil
  }
}
