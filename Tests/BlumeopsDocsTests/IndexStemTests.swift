import Testing

@testable import BlumeopsDocs

@Suite struct IndexStemTests {
  /// The rule as Characters, which the byte reading must match.
  private func byCharacters(_ filePart: String) -> String {
    var part = filePart[...].trimmingSpaces()
    if let slash = part.lastIndex(of: "/") { part = part[part.index(after: slash)...] }
    if part.hasSuffix(".md") { part = part.dropLast(3) }
    return String(part)
  }

  @Test(arguments: [
    "a", " a ", "\ta.md", "folder/a.md", "folder/sub/a", " folder/a.md\t", ".md", "a.md.md",
    "a/", "/", "", "  ", "é/x.md", " é ", "x/é.md", "a.MD", "how-to/how-to",
  ])
  func readsTheStemAnIndexLinkNames(_ filePart: String) {
    let stem = Array(filePart.utf8).withUnsafeBufferPointer { IndexCheck.stem(linkedBy: $0) }
    #expect(stem == byCharacters(filePart))
  }
}
