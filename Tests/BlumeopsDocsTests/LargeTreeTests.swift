import Testing

@testable import BlumeopsDocs

/// A generated tree of 2,000 docs in a ring of links, with a few problems planted at known places.
@Suite struct LargeTreeTests {
  static let count = 2000
  static let categories = ["tutorials", "how-to", "reference", "explanation"]

  static func stem(_ index: Int) -> String {
    "doc-" + String(repeating: "0", count: 4 - String(index).count) + String(index)
  }

  static func path(_ index: Int) -> String {
    let folder = index % 5 == 0 ? "/group\(index % 7)" : ""
    return "\(categories[index % 4])\(folder)/\(stem(index)).md"
  }

  /// The planted link and the line it is on, by doc.
  static let planted: [Int: String] = [
    100: "[[dox-0500]]", 200: "[[how-to/doc-0201]]", 300: "[[ doc-0301 ]]",
  ]
  static let plantedLine = 14

  static func text(_ index: Int) -> [UInt8] {
    let next = index == 1799 ? stem(1801) : stem((index + 1) % count)
    var frontmatter = [
      "---", "title: Doc \(index)", "modified: 2026-01-01", "tags: [t\(index % 10)]",
    ]
    if index == 1500 { frontmatter.append("status: draft") }
    frontmatter.append("---")
    if index == 1000 { frontmatter = ["", "", "", "", ""] }
    if index == 1900 { frontmatter = ["---", "title: [", "---", "", ""] }
    let body = [
      "", "# Doc \(index)", "", "Next: [[\(next)]] and an example `[[nope]]`.", "", "```",
      "[[nope]]",
      "```",
    ]
    let lines = frontmatter + body + [planted[index] ?? "", "", "The end."]
    var bytes = Array(lines.joined(separator: "\n").utf8)
    if index == 1950 { bytes += [0x0A, 0xFF, 0x0A] }
    return bytes
  }

  /// Written afresh for each test, which gets its own suite instance, and removed after it.
  let fixture: DocsFixture = {
    let fixture = DocsFixture()
    for index in 0..<LargeTreeTests.count {
      fixture.write("docs/" + path(index), bytes: text(index))
    }
    fixture.write("docs/explanation/extra/doc-0700.md", card(body: "[[index]]"))
    let categories = LargeTreeTests.categories
    fixture.write(
      "docs/index.md", card(body: categories.map { "[[\($0)]]" }.joined(separator: "\n")))
    for (offset, category) in categories.enumerated() {
      let listed = stride(from: offset, to: LargeTreeTests.count, by: 4).filter {
        $0 != 1234 && $0 != 1800
      }
      fixture.write(
        "docs/\(category)/\(category).md",
        card(body: listed.map { "- [[\(LargeTreeTests.stem($0))]]" }.joined(separator: "\n")))
    }
    fixture.write("docs/changelog.d/ignored.feature.md", "[[broken]]")
    return fixture
  }()

  private func summary(_ findings: [DocsFinding]) -> [String] {
    findings.map { "\($0.kind.rawValue) \($0.path)\($0.line.map { ":\($0)" } ?? "")" }
  }

  @Test func theLinkCheckFindsExactlyThePlantedProblems() {
    let set = fixture.docSet
    #expect(set.docs.count == Self.count + 6)
    let report = LinkCheck.run(set)
    let links = [
      "broken \(Self.path(100)):\(Self.plantedLine)", "path \(Self.path(200)):\(Self.plantedLine)",
      "spaced \(Self.path(300)):\(Self.plantedLine)", "ambiguous \(Self.path(699)):9",
      "ambiguous tutorials/tutorials.md:\(7 + (700 / 4))",
    ].sorted { $0.split(separator: " ")[1] < $1.split(separator: " ")[1] }
    let orphans = [
      "orphan explanation/extra/doc-0700.md", "orphan \(Self.path(700))",
      "orphan \(Self.path(1800))",
    ]
    .sorted()
    #expect(summary(report.findings) == links + orphans)
    #expect(report.findings.first { $0.kind == .broken }?.suggestion == "doc-0500")
    #expect(report.summary.first { $0.key == "links" }?.value == 2000 + 3 + 1 + 4 + 1998)
  }

  @Test func theOtherChecksFindExactlyThePlantedProblems() {
    let set = fixture.docSet
    #expect(
      summary(IndexCheck.run(set).findings)
        == [
          "missing-from-index explanation/extra/doc-0700.md",
          "missing-from-index \(Self.path(1234))",
          "missing-from-index \(Self.path(1800))",
        ].sorted())
    let duplicates = FilenameCheck.run(set)
    #expect(
      duplicates.findings.map(\.paths) == [
        ["explanation/extra/doc-0700.md", Self.path(700)].sorted()
      ])
    #expect(duplicates.summary.map(\.value) == [2006, 2005, 1])
    #expect(
      summary(FrontmatterCheck.run(set).findings) == [
        "invalid-utf8 \(Self.path(1950)):17", "misplaced-field \(Self.path(1500)):5",
        "invalid-frontmatter \(Self.path(1900)):3", "missing-field \(Self.path(1000))",
      ])
  }

  @Test func docsCheckAddsUpTheFour() {
    let result = fixture.run("docs-check")
    #expect(result.status == 1)
    #expect(
      result.output.hasSuffix(
        "docs-check: 2006 docs, 16 problems (links 8, index 3, filenames 1, frontmatter 4)\n"))
  }

  @Test func eachCheckReadingOnlyItsPartsReportsWhatItReportsOnTheWholeSet() {
    let whole = fixture.docSet
    for name in DocsCheck.checks.map(\.name) + [DocsCheck.name] {
      let parts = DocParts.read(by: name)
      let report = DocsToolkit.check(name, DocSet.load(root: fixture.root, parts: parts))
      let expected = DocsToolkit.check(name, whole)
      #expect(summary(report.findings) == summary(expected.findings), "\(name)")
      #expect(report.summaryLine == expected.summaryLine, "\(name)")
    }
  }
}
