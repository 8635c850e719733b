import Testing

@testable import BlumeopsDocs

@Suite struct TagInventoryTests {
  @Test func tagsAreOrderedByCountDescendingThenByName() {
    let fixture = DocsFixture([
      "docs/a.md": card(tags: "[ops, docs, zeta]"),
      "docs/b.md": card(tags: "[docs, alpha]"),
      "docs/c.md": card(tags: "[ops, docs]"),
      "docs/d.md": "no frontmatter",
    ])
    let result = fixture.run("docs-review-tags")
    #expect(result.status == 0)
    #expect(
      result.output == """
        tag    count  files
        docs       3  a.md, b.md, c.md
        ops        2  a.md, c.md
        alpha      1  b.md
        zeta       1  a.md
        4 tags across 4 docs

        """)
  }

  @Test func noTagsStillExitsZero() {
    let result = DocsFixture(["docs/a.md": ""]).run("docs-review-tags")
    #expect(result.status == 0)
    #expect(result.output == "0 tags across 1 doc\n")
  }

  @Test func jsonListsTagCountAndFiles() {
    let result = DocsFixture(["docs/a.md": card(tags: "[x]")]).run(
      "docs-review-tags", ["format": "json"])
    #expect(
      result.output == """
        {
          "version": 1,
          "check": "docs-review-tags",
          "tags": [
            {
              "tag": "x",
              "count": 1,
              "files": [
                "a.md"
              ]
            }
          ],
          "summary": {
            "tags": 1,
            "docs": 1
          }
        }

        """)
  }
}
