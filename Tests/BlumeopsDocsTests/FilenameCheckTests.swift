import Testing

@testable import BlumeopsDocs

@Suite struct FilenameCheckTests {
  @Test func aStemSharedByTwoFoldersIsOneFindingWithAllItsPaths() {
    let set = DocSet.parse(
      [
        "how-to/zot.md": [], "reference/zot.md": [], "reference/services/zot.md": [], "a.md": [],
        "b/a.md": [], "unique.md": [],
      ])
    let report = FilenameCheck.run(set)
    #expect(report.findings.map(\.stem) == ["a", "zot"])
    #expect(report.findings[0].paths == ["a.md", "b/a.md"])
    #expect(
      report.findings[1].paths == [
        "how-to/zot.md", "reference/services/zot.md", "reference/zot.md",
      ])
    #expect(report.findings[1].path == "how-to/zot.md")
    #expect(report.summary.map(\.key) == ["docs", "unique_stems", "duplicates"])
    #expect(report.summary.map(\.value) == [6, 3, 2])
    #expect(
      report.text == """
        a.md: duplicate stem `a`: a.md, b/a.md
        how-to/zot.md: duplicate stem `zot`: how-to/zot.md, reference/services/zot.md, reference/zot.md
        docs-check-filenames: 6 docs, 3 unique stems, 2 duplicates

        """)
  }

  @Test func uniqueStemsPass() {
    let report = FilenameCheck.run(DocSet.parse(["a.md": [], "b/c.md": []]))
    #expect(report.exitCode == 0)
    #expect(report.summaryLine == "docs-check-filenames: 2 docs, 2 unique stems, 0 duplicates")
  }
}
