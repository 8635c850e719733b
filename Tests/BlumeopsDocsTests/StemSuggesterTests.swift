import BlumeopsCore
import Testing

@testable import BlumeopsDocs

@Suite struct StemSuggesterTests {
  /// A fixed linear congruential sequence, so the generated words are the same on every run.
  private struct Sequence {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  private static func words(count: Int, seed: UInt64) -> [String] {
    var sequence = Sequence(state: seed)
    let letters = Array("abcde-")
    return (0..<count).map { _ in
      String((0..<(1 + sequence.next(12))).map { _ in letters[sequence.next(letters.count)] })
    }
  }

  @Test func itSuggestsWhatTheFullEditDistanceWould() {
    let stems = Self.words(count: 300, seed: 7)
    var suggester = StemSuggester(stems: stems)
    var suggested = 0
    for word in Self.words(count: 300, seed: 11) {
      let expected = Suggestion.closest(to: word, in: stems.sorted())
      #expect(suggester.closest(to: word) == expected)
      if expected != nil { suggested += 1 }
    }
    // Most words have a close stem, so the comparison covers real suggestions, not just nils.
    #expect(suggested > 150)
  }

  @Test func theFirstStemInSortedOrderWinsATie() {
    var suggester = StemSuggester(stems: ["indro", "indra"])
    #expect(suggester.closest(to: "indri") == "indra")
  }

  @Test func aStemTooFarAwayIsNotSuggested() {
    var suggester = StemSuggester(stems: ["card-00100", "card-00200"])
    #expect(suggester.closest(to: "brokn-00100") == nil)
    #expect(suggester.closest(to: "card-0010") == "card-00100")
  }

  @Test func anEmptySetSuggestsNothing() {
    var suggester = StemSuggester(stems: [String]())
    #expect(suggester.closest(to: "anything") == nil)
  }
}
