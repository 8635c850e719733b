import Testing

@testable import BlumeopsDocs

@Suite struct IndexCheckTests {
  @Test func anIndexCardMustLinkEveryDocInItsFolderAtAnyDepth() {
    let fixture = DocsFixture([
      "docs/how-to/how-to.md": "[[a|A]] ![[b]] [[c#Step 2]] [[ d ]]",
      "docs/how-to/a.md": "", "docs/how-to/b.md": "", "docs/how-to/deep/c.md": "",
      "docs/how-to/deep/d.md": "", "docs/how-to/deep/e.md": "", "docs/how-to/f.md": "",
      "docs/reference/reference.md": "[[g]]", "docs/reference/g.md": "",
    ])
    let report = IndexCheck.run(fixture.docSet)
    #expect(report.findings.map(\.path) == ["how-to/deep/e.md", "how-to/f.md"])
    #expect(
      report.findings.allSatisfy { $0.kind == .missingFromIndex && $0.index == "how-to/how-to.md" })
    #expect(
      report.text == """
        how-to/deep/e.md: not linked from its index card how-to/how-to.md
        how-to/f.md: not linked from its index card how-to/how-to.md
        docs-check-index: 2 index cards checked, 2 problems

        """)
  }

  @Test func aMissingIndexCardIsOneFinding() {
    let fixture = DocsFixture(["docs/tutorials/start.md": "", "docs/tutorials/next.md": ""])
    let report = IndexCheck.run(fixture.docSet)
    #expect(report.findings.map(\.kind) == [.missingIndex])
    #expect(report.findings[0].path == "tutorials/tutorials.md")
    #expect(
      report.findings[0].textLine
        == "tutorials/tutorials.md: missing index card for `tutorials/`")
  }

  @Test func anEmptyCategoryFolderStillNeedsItsIndexCard() {
    let fixture = DocsFixture()
    fixture.mkdir("docs/explanation")
    #expect(IndexCheck.run(fixture.docSet).findings.map(\.path) == ["explanation/explanation.md"])
  }

  @Test func categoriesThatDoNotExistAndOtherFoldersAreNotChecked() {
    let fixture = DocsFixture(["docs/index.md": "", "docs/notes/n.md": "", "docs/how-tos/x.md": ""])
    #expect(IndexCheck.run(fixture.docSet).findings == [])
  }

  @Test func anIndexCardInTheWrongPlaceDoesNotCount() {
    let fixture = DocsFixture(["docs/how-to/sub/how-to.md": "[[a]]", "docs/how-to/a.md": ""])
    let report = IndexCheck.run(fixture.docSet)
    #expect(report.findings.map(\.kind) == [.missingIndex])
  }
}
