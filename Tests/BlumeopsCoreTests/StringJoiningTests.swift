import Testing

@testable import BlumeopsCore

@Suite struct StringJoiningTests {
  @Test(arguments: [[], [""], ["a"], ["a", "b"], ["", "", ""], ["één", "✓", "🚀 x"]])
  func matchesTheStandardJoin(_ parts: [String]) {
    for separator in ["", " ", "\u{0}", ", "] {
      let standard = parts.lazy.map { $0 }.joined(separator: separator)
      #expect(parts.joined(separator: separator) == standard)
    }
  }
}
