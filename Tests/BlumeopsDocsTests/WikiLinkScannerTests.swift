import Testing

@testable import BlumeopsDocs

@Suite struct WikiLinkScannerTests {
  private func targets(_ body: String) -> [String] { parse(body).links.map(\.target) }

  @Test func everyLinkFormIsFoundWithItsLine() {
    let doc = parse("[[a]] and [[b|Shown]]\n[[c#Heading]] [[#Local]]\n![[d]]\n[[e#H|Text]]")
    #expect(doc.links.map(\.target) == ["a", "b", "c#Heading", "#Local", "d", "e#H"])
    #expect(doc.links.map(\.line) == [1, 1, 2, 2, 3, 4])
    #expect(doc.links.map(\.shown) == [nil, "Shown", nil, nil, nil, "Text"])
    #expect(doc.links.map(\.isEmbed) == [false, false, false, false, true, false])
    #expect(doc.links.map(\.filePart) == ["a", "b", "c", "", "d", "e"])
  }

  @Test func linksInInlineCodeSpansAreExamples() {
    #expect(targets("`[[a]]` [[b]] ``x [[c]] ` y`` [[d]]") == ["b", "d"])
  }

  @Test func anUnclosedBacktickIsLiteral() {
    #expect(targets("a ` b [[c]]") == ["c"])
  }

  @Test func aBacktickRunClosesOnlyOnARunOfTheSameLength() {
    #expect(targets("``a ` [[b]] ``` [[c]]") == ["b", "c"])
    #expect(targets("``a ` [[b]]`` [[c]]") == ["c"])
  }

  @Test func linksInFencedBlocksAreExamples() {
    let body = "[[a]]\n```markdown\n[[b]]\n```\n[[c]]\n~~~\n[[d]]\n~~~\n[[e]]"
    #expect(targets(body) == ["a", "c", "e"])
  }

  @Test func aFenceClosesOnlyWithTheSameCharacterAtLeastAsLong() {
    let body = "````\n[[a]]\n```\n~~~~\n[[b]]\n`````\n[[c]]"
    #expect(targets(body) == ["c"])
  }

  @Test func anUnclosedFenceRunsToTheEnd() {
    #expect(targets("[[a]]\n```\n[[b]]\n[[c]]") == ["a"])
  }

  @Test func aTargetCannotHoldABracket() {
    #expect(targets("[[a]b]] [[c]] [[d") == ["c"])
  }

  @Test func spacesAreKeptInTheRawTarget() {
    let doc = parse("[[ a ]] [[b | Text]] [[c|Text]]")
    #expect(doc.links.map(\.target) == [" a ", "b ", "c"])
    #expect(doc.links.map(\.isSpaced) == [true, true, false])
    #expect(parse("[[b| Text]]").links[0].isSpaced)
  }

  @Test func anEmptyTargetIsNotALink() {
    #expect(targets("[[]] [[|x]] [[a]]") == ["a"])
  }

  @Test func linksInTheFrontmatterAreNotScanned() {
    let doc = parse("---\ntitle: \"[[a]]\"\n---\n[[b]]")
    #expect(doc.links.map(\.target) == ["b"])
    #expect(doc.links[0].line == 4)
  }

  @Test func crlfLineEndingsKeepLinesAndTargetsClean() {
    let doc = parse("---\r\ntitle: T\r\n---\r\n\r\n[[a]]\r\n```\r\n[[b]]\r\n```\r\n[[c]]\r\n")
    #expect(doc.links.map(\.target) == ["a", "c"])
    #expect(doc.links.map(\.line) == [5, 9])
    #expect(doc.title == "T")
  }

  @Test func whereALineStartsOrALinkFallsChangesNothing() {
    // Text is skipped eight bytes at a time: every offset of a link and of a code span against
    // those steps must read alike.
    let line = "see [[a-doc|A]] and `[[not-a-link]]` then ![[img.png]] [x] [[b#H]]"
    let expected = targets(line)
    #expect(expected == ["a-doc", "img.png", "b#H"])
    for padding in 0..<17 {
      let padded = String(repeating: "x", count: padding) + line
      #expect(targets(padded) == expected, "\(padding)")
      #expect(targets(padded + "\n" + padded) == expected + expected, "\(padding)")
    }
  }
}
