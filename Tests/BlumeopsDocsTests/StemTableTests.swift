import Testing

@testable import BlumeopsDocs

@Suite struct StemTableTests {
  private func lookUp(_ table: StemTable, _ text: String) -> [Int]? {
    switch Array(text.utf8).withUnsafeBufferPointer({ table.docs($0) }) {
    case .none: return nil
    case .one(let doc): return [doc]
    case .several(let docs): return docs
    }
  }

  @Test func findsEveryStemAndNothingElse() {
    var byStem: [String: [Int]] = [:]
    for index in 0..<500 { byStem["doc-\(index)"] = [index] }
    byStem["shared"] = [3, 7]
    let table = StemTable(byStem)
    for (stem, docs) in byStem { #expect(lookUp(table, stem) == docs, "\(stem)") }
    for missing in ["", "doc-500", "doc-", "Doc-1", "doc-1 ", "shared#x", "share"] {
      #expect(lookUp(table, missing) == nil, "\(missing)")
    }
  }

  @Test func anEmptySetFindsNothing() {
    #expect(lookUp(StemTable([:]), "index") == nil)
  }

  /// Stems compare as strings do: by canonical equivalence, whichever side is not ASCII.
  @Test func nonASCIIStemsCompareAsStrings() {
    let table = StemTable(["caf\u{E9}": [0], "\u{212A}elvin": [1], "plain": [2]])
    #expect(lookUp(table, "caf\u{E9}") == [0])
    #expect(lookUp(table, "cafe\u{301}") == [0])
    #expect(lookUp(table, "Kelvin") == [1])
    #expect(lookUp(table, "plain") == [2])
    #expect(lookUp(table, "cafe") == nil)
  }
}
