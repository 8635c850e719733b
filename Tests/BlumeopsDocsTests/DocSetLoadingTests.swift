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
    #expect(paths.count == DocSet.maximumDepth + 1)
  }

  @Test func pathsAreSortedAsWholePathsAndStemsDropOnlyTheExtension() {
    let fixture = DocsFixture(["docs/a-c.md": "", "docs/a/b.md": "", "docs/v1.2.md": ""])
    #expect(fixture.docSet.docs.map(\.path) == ["a-c.md", "a/b.md", "v1.2.md"])
    #expect(fixture.docSet.docs.map(\.stem) == ["a-c", "b", "v1.2"])
    #expect(fixture.docSet.hasChangelog == false)
  }
}
