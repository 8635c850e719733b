import Testing

@testable import BlumeopsDocs

@Suite struct FrontmatterParsingTests {
  @Test func fieldsAreReadWithTheirLines() {
    let doc = parse(
      "---\ntitle: Provision\nmodified: 2026-11-01\ntags: [how-to, ansible, how-to]\nlast-reviewed: 2026-08-02\n---\nbody"
    )
    #expect(doc.title == "Provision")
    #expect(doc.tags == ["how-to", "ansible"])
    #expect(doc.lastReviewed == DocsDate(year: 2026, month: 8, day: 2))
    #expect(doc.frontmatter?.keys.map(\.name) == ["title", "modified", "tags", "last-reviewed"])
    #expect(doc.frontmatter?.keys.map(\.line) == [2, 3, 4, 5])
  }

  @Test func aFileWithoutALeadingFenceHasNoFrontmatter() {
    #expect(parse("# Title\n---\ntitle: x\n---\n").frontmatter == nil)
    #expect(parse("").frontmatter == nil)
  }

  @Test func anUnterminatedBlockIsNoFrontmatter() {
    let doc = parse("---\ntitle: x\n[[a]]\n")
    #expect(doc.frontmatter == nil)
    #expect(doc.frontmatterError == nil)
    #expect(doc.links.map(\.target) == ["a"])
  }

  @Test func theClosingFenceMustBeExactlyThreeDashes() {
    #expect(parse("---\ntitle: x\n--- \n").frontmatter == nil)
    #expect(parse("---\ntitle: x\n----\n").frontmatter == nil)
    #expect(parse("---\ntitle: x\n---").title == "x")
  }

  @Test func brokenYAMLReportsTheFileLineOfTheError() {
    let doc = parse("---\ntitle: x\ntags: [a, b\nmodified: 2026-01-01\n---\n")
    #expect(doc.frontmatter == nil)
    #expect(doc.frontmatterError?.line == 4)
    let tab = parse("---\ntitle: x\n\tbad: y\n---\n")
    #expect(tab.frontmatterError?.line == 3)
  }

  @Test func aBlockThatIsNotAMappingIsAnError() {
    #expect(parse("---\n- a\n- b\n---\n").frontmatterError?.line == 2)
  }

  @Test func anEmptyBlockHasNoFields() {
    #expect(parse("---\n---\nbody").frontmatter?.keys.isEmpty == true)
  }

  @Test func anInvalidLastReviewedDateCountsAsNeverReviewed() {
    #expect(parse(card(extra: "last-reviewed: soon")).lastReviewed == nil)
    #expect(parse(card(extra: "last-reviewed: 2026-02-30")).lastReviewed == nil)
  }

  @Test func aSingleTagScalarIsOneTag() {
    #expect(parse(card(tags: "solo")).tags == ["solo"])
    #expect(parse(card(tags: "")).tags == [])
  }

  @Test func invalidUTF8IsReportedWithItsLineAndDecodedLossily() {
    var bytes = Array(card(body: "line one\nbad ").utf8)
    bytes += [0xFF, 0xC3]
    bytes += Array(" [[target]]\n".utf8)
    let doc = DocSet.parse(["a.md": bytes]).docs[0]
    #expect(doc.invalidUTF8Line == 9)
    #expect(doc.links.map(\.target) == ["target"])
    #expect(doc.links.map(\.line) == [9])
    #expect(doc.title == "A card")
  }

  @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]])
  func overlongSurrogateAndTruncatedSequencesAreInvalid(_ bad: [UInt8]) {
    let doc = DocSet.parse(["a.md": Array("x\n".utf8) + bad]).docs[0]
    #expect(doc.invalidUTF8Line == 2)
  }

  @Test func validMultibyteTextIsNotFlagged() {
    #expect(parse("café ✓ 🎉 [[naïve]]").invalidUTF8Line == nil)
    #expect(parse("café ✓ 🎉 [[naïve]]").links.map(\.target) == ["naïve"])
  }
}
