import Testing

@testable import BlumeopsDocs

@Suite struct ReviewQueueTests {
  private let fixture = DocsFixture([
    "docs/b.md": card("B", extra: "last-reviewed: 2026-01-10"),
    "docs/a.md": card("A", extra: "last-reviewed: 2026-07-01"),
    "docs/z/never.md": card("Never"),
    "docs/c.md": card("C", extra: "last-reviewed: 2026-01-10"),
    "docs/bad-date.md": card("Bad", extra: "last-reviewed: someday"),
    "docs/old.md": card("Old", extra: "last-reviewed: 2025-01-01"),
  ])

  @Test func neverReviewedDocsComeFirstInPathOrderThenOldestReview() {
    let queue = ReviewQueue(fixture.docSet, today: DocsDate("2026-11-20")!)
    #expect(
      queue.entries.map(\.path) == ["bad-date.md", "z/never.md", "old.md", "b.md", "c.md", "a.md"])
    #expect(queue.entries.map(\.age) == [nil, nil, 688, 314, 314, 142])
    #expect(queue.neverReviewed == 2)
  }

  @Test func theTextShowsTheTableTheCardAndEndsWithTheLineToAdd() {
    let result = fixture.run("docs-review", ["limit": "4"])
    #expect(result.status == 0)
    #expect(
      result.output == """
        6 docs, 2 never reviewed

        #  path         last reviewed  age
        1  bad-date.md  never            -
        2  z/never.md   never            -
        3  old.md       2025-01-01     688
        4  b.md         2026-01-10     314
        … 2 more

        Up for review: bad-date.md
          title:          Bad
          last reviewed:  never

        Review checklist:
          - Is everything it says still true of the running homelab?
          - Do its links still lead where they should, and does it link its related cards?
          - Is it one short, single-purpose card in the right category?
          - Are its title and tags right?
        Then set in its frontmatter:
        last-reviewed: 2026-11-20

        """)
  }

  @Test func oldAgesAreHighlightedOnlyWithColour() {
    let plain = fixture.run("docs-review", ["limit": "6"]).output
    #expect(!plain.contains("\u{1B}["))
    let colored = fixture.run("docs-review", ["limit": "6"], color: true).output
    #expect(colored.contains("\u{1B}[31m688\u{1B}[0m"))
    #expect(colored.contains("\u{1B}[31m314\u{1B}[0m"))
    #expect(colored.contains("\u{1B}[33m142\u{1B}[0m"))
    let young = DocsFixture(["docs/a.md": card(extra: "last-reviewed: 2026-11-01")])
    #expect(young.run("docs-review", color: true).output.contains("     19\n"))
  }

  @Test func noMoreLineWhenEverythingFits() {
    #expect(!fixture.run("docs-review").output.contains("more"))
  }

  @Test func aReviewedCardUpForReviewShowsItsDateAndAge() {
    let fixture = DocsFixture(["docs/a.md": card("A", extra: "last-reviewed: 2026-11-01")])
    #expect(
      fixture.run("docs-review").output.contains("  last reviewed:  2026-11-01 (19 days ago)\n"))
  }

  @Test func noDocsExitsOne() {
    let result = DocsFixture().run("docs-review")
    #expect(result.status == 1)
    #expect(result.output == "0 docs, 0 never reviewed\nnothing to review: no docs under docs/\n")
  }

  @Test func jsonHasTheWholeQueue() {
    let result = fixture.run("docs-review", ["limit": "1", "format": "json"])
    #expect(result.output.contains("\"never_reviewed\": 2"))
    #expect(result.output.components(separatedBy: "\"path\"").count == 7)
  }
}
