import Testing

@testable import BlumeopsDocs

@Suite struct FrontmatterCheckTests {
  private func check(_ files: [String: [UInt8]]) -> CheckReport {
    FrontmatterCheck.run(DocSet.parse(files))
  }
  private func check(_ files: [String: String]) -> CheckReport {
    check(files.mapValues { Array($0.utf8) })
  }

  @Test func aCompleteCardPasses() {
    #expect(
      check([
        "a.md": card(), "how-to/b.md": card(extra: "status: stable\nrequires: [op]\nbranch: x"),
      ]).findings == [])
  }

  @Test func aDocWithoutFrontmatterLacksAllThreeFields() {
    let report = check(["a.md": "# Just a heading\n"])
    #expect(report.findings.map(\.kind) == [.missingField])
    #expect(report.findings[0].fields == ["title", "tags", "modified"])
    #expect(report.findings[0].line == nil)
    #expect(
      report.findings[0].textLine
        == "a.md: missing frontmatter fields `title`, `tags`, `modified`")
  }

  @Test func aPresentButEmptyKeyCounts() {
    let report = check(["a.md": "---\ntitle:\ntags: []\n---\n"])
    #expect(report.findings.map(\.fields) == [["modified"]])
    #expect(report.findings[0].message == "missing frontmatter field `modified`")
  }

  @Test func howToOnlyFieldsOutsideHowToAreMisplaced() {
    let report = check([
      "reference/a.md": card(extra: "status: draft\nid: x\nrequires: [kubectl]"),
      "how-to/deep/b.md": card(extra: "status: draft"),
      "c.md": card(extra: "branch: main"),
    ])
    #expect(report.findings.map(\.path) == ["c.md", "reference/a.md"])
    #expect(report.findings.map(\.fields) == [["branch"], ["status", "requires"]])
    #expect(report.findings.map(\.line) == [5, 5])
    #expect(
      report.findings[1].textLine
        == "reference/a.md:5: fields `status`, `requires` are only allowed under how-to/")
  }

  @Test func brokenYAMLIsReportedAtItsFileLineAndNothingElse() {
    let report = check(["a.md": "---\ntitle: x\ntags: [a\nmodified: 2026-01-01\n---\n"])
    #expect(report.findings.map(\.kind) == [.invalidFrontmatter])
    #expect(report.findings[0].line == 4)
    #expect(report.findings[0].textLine.hasPrefix("a.md:4: invalid frontmatter: "))
  }

  @Test func crlfFrontmatterIsRead() {
    #expect(
      check(["a.md": "---\r\ntitle: x\r\ntags: [a]\r\nmodified: 2026-01-01\r\n---\r\nbody\r\n"])
        .findings == [])
  }

  @Test func invalidUTF8IsAFindingAndTheDocIsStillChecked() {
    let bytes = Array("---\ntitle: x\n---\n".utf8) + [0x80, 0x0A]
    let report = check(["a.md": bytes])
    #expect(report.findings.map(\.kind) == [.invalidUTF8, .missingField])
    #expect(report.findings[0].line == 4)
    #expect(report.findings[1].fields == ["tags", "modified"])
  }

  @Test func invalidUTF8InsideTheFrontmatterIsReadLossily() {
    let bytes =
      Array("---\ntitle: caf".utf8) + [0xE9] + Array("\ntags: [a]\nmodified: x\n---\n".utf8)
    let report = check(["a.md": bytes])
    #expect(report.findings.map(\.kind) == [.invalidUTF8])
    #expect(report.findings[0].line == 2)
  }
}
