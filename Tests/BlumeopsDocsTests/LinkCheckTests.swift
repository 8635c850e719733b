import Testing

@testable import BlumeopsDocs

@Suite struct LinkCheckTests {
  private func check(_ files: [String: String], changelog: Bool = false) -> CheckReport {
    LinkCheck.run(DocSet.parse(files.mapValues { Array($0.utf8) }, hasChangelog: changelog))
  }

  private func kinds(_ report: CheckReport) -> [String] {
    report.findings.map {
      "\($0.kind.rawValue) \($0.path)\($0.line.map { ":\($0)" } ?? "") \($0.target ?? "")"
    }
  }

  @Test func validLinksOfEveryFormProduceNoFindings() {
    let report = check([
      "index.md": "[[a]] [[b|B]] [[c#Heading]] ![[d]] [[d#H|Text]] [[#Local]]",
      "x/a.md": "[[index]]", "b.md": "", "c.md": "", "x/y/d.md": "",
    ])
    #expect(report.findings == [])
    #expect(report.exitCode == 0)
  }

  @Test func eachKindIsReportedWithItsLineInSourceOrder() {
    let report = check([
      "index.md": "[[ good ]]\n[[sub/good]]\n[[twin]]\n[[goood]]\n[[good]]",
      "good.md": "", "a/twin.md": "[[index]]", "b/twin.md": "[[index]]",
    ])
    #expect(
      kinds(report) == [
        "spaced index.md:1  good ", "path index.md:2 sub/good", "ambiguous index.md:3 twin",
        "broken index.md:4 goood", "orphan a/twin.md ", "orphan b/twin.md ",
      ])
    #expect(report.findings[2].candidates == ["a/twin.md", "b/twin.md"])
    #expect(report.findings[3].suggestion == "good")
    #expect(report.exitCode == 1)
  }

  @Test func spacedWinsOverEveryOtherKind() {
    let report = check(["index.md": "[[nowhere/x |y]] [[a| b]] [[ #H]]", "a.md": ""])
    #expect(report.findings.map(\.kind) == [.spaced, .spaced, .spaced, .orphan])
  }

  @Test func aPureHeadingLinkIsNeverChecked() {
    #expect(check(["index.md": "[[#Any heading/with slash]]"]).findings == [])
  }

  @Test func aHeadingAfterAPathIsStillAPathLink() {
    let report = check(["index.md": "[[how-to/a#H]]", "how-to/a.md": ""])
    #expect(report.findings.map(\.kind) == [.path, .orphan])
  }

  @Test func aBrokenLinkWithNothingCloseHasNoSuggestion() {
    let report = check(["index.md": "[[zzzzzzzzzz]]", "a.md": "[[index]]"])
    #expect(report.findings.count == 2)
    #expect(report.findings[0].kind == .broken)
    #expect(report.findings[0].suggestion == nil)
  }

  @Test func changelogIsValidOnlyWhenTheRootHasOne() {
    let files = ["index.md": "[[CHANGELOG]] [[CHANGELOG#1.0]]"]
    #expect(check(files, changelog: true).findings == [])
    #expect(check(files).findings.map(\.kind) == [.broken, .broken])
  }

  @Test func onlyValidLinksFromOtherDocsPreventOrphans() {
    let report = check([
      "index.md": "[[self-linked]] [[ spaced ]]",
      "self-linked.md": "[[self-linked]] [[loner]]",
      "loner.md": "[[loner]]",
      "spaced.md": "[[index]]",
      "a/dup.md": "", "b/dup.md": "", "other.md": "[[dup]] [[index]]",
    ])
    #expect(
      report.findings.filter { $0.kind == .orphan }.map(\.path) == [
        "a/dup.md", "b/dup.md", "other.md", "spaced.md",
      ])
  }

  @Test func theIndexDocIsNeverAnOrphan() {
    #expect(check(["index.md": ""]).findings == [])
  }

  @Test func textOutputIsOneLinePerFindingThenASummary() {
    let report = check([
      "index.md": "[[goood]]\n[[a/b]]", "good.md": "[[index]]", "lonely.md": "",
    ])
    #expect(
      report.text == """
        index.md:1: broken link `[[goood]]`: no doc has that stem (did you mean `good`?)
        index.md:2: link `[[a/b]]` uses a path: link by stem only (`[[b]]`)
        good.md: orphan: no other doc links here
        lonely.md: orphan: no other doc links here
        docs-check-links: 3 docs, 3 links, 4 problems

        """)
  }
}
