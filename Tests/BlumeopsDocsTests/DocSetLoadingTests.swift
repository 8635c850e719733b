import Foundation
import Testing

@testable import BlumeopsDocs

@Suite struct DocSetLoadingTests {
  @Test func changelogFragmentsAreNeverDocsAtAnyDepth() {
    let fixture = DocsFixture([
      "docs/changelog.d/x.feature.md": "", "docs/how-to/changelog.d/y.md": "",
      "docs/changelog.d.md": card(), "docs/notes.txt": "", "docs/a.md/inner.md": card(),
    ])
    #expect(fixture.docSet.docs.map(\.path) == ["a.md/inner.md", "changelog.d.md"])
  }

  @Test func aSymbolicLinkLoopEndsAtTheDepthLimit() {
    let fixture = DocsFixture(["docs/a.md": card()])
    symlink(fixture.root + "/docs", fixture.root + "/docs/loop")
    let paths = fixture.docSet.docs.map(\.path)
    #expect(paths.first == "a.md")
    #expect(paths.count == DocListing.maximumDepth + 1)
  }

  /// More entries than one read of a folder returns, in reverse creation order.
  @Test func aLargeFolderIsListedWhole() {
    var files: [String: String] = [:]
    for index in (0..<1_500).reversed() {
      files["docs/many/doc-\(index)-with-a-longish-name.md"] = ""
    }
    let fixture = DocsFixture(files)
    let paths = fixture.docSet.docs.map(\.path)
    #expect(paths.count == 1_500)
    #expect(paths == paths.sorted())
    #expect(fixture.docSet.folders == ["many"])
  }

  /// Docs around and past the read buffer's size (64 KB) are read to their last byte.
  @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 200_000])
  func aDocIsReadWhole(fillerBytes: Int) {
    let text = card(body: String(repeating: "x", count: fillerBytes) + "\n[[last]]")
    let fixture = DocsFixture(["docs/a.md": text, "docs/last.md": card()])
    #expect(fixture.docSet.docs.first?.links.map(\.target) == ["last"])
    #expect(fixture.docSet.docs.first?.frontmatter?.title == "A card")
  }

  @Test func pathsAreSortedAsWholePathsAndStemsDropOnlyTheExtension() {
    let fixture = DocsFixture(["docs/a-c.md": "", "docs/a/b.md": "", "docs/v1.2.md": ""])
    #expect(fixture.docSet.docs.map(\.path) == ["a-c.md", "a/b.md", "v1.2.md"])
    #expect(fixture.docSet.docs.map(\.stem) == ["a-c", "b", "v1.2"])
    #expect(fixture.docSet.hasChangelog == false)
  }

  @Test func onlyThePartsAskedForAreRead() {
    let fixture = DocsFixture([
      "docs/how-to/how-to.md": card(body: "[[a]]"), "docs/how-to/a.md": card(body: "[[how-to]]"),
    ])
    func read(_ parts: DocParts) -> [(links: Int, frontmatter: Bool)] {
      DocSet.load(root: fixture.root, parts: parts).docs.map {
        ($0.links.count, $0.frontmatter != nil)
      }
    }
    #expect(read([]).map(\.links) == [0, 0])
    #expect(read([]).map(\.frontmatter) == [false, false])
    #expect(read(.indexLinks).map(\.links) == [0, 1], "the index card alone")
    #expect(read(.links).map(\.links) == [1, 1])
    #expect(read(.links).map(\.frontmatter) == [false, false])
    #expect(read(.frontmatter).map(\.links) == [0, 0])
    #expect(read(.frontmatter).map(\.frontmatter) == [true, true])
    #expect(DocSet.load(root: fixture.root).docs.map(\.links.count) == [1, 1])
  }
}
