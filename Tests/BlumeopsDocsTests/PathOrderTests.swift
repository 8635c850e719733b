import Testing

@testable import BlumeopsDocs

@Suite struct PathOrderTests {
  @Test func sortsLikeTheStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "a", "B", "z", "é", "e\u{301}", "10", "9", "how-to", "how_to", "ü", "-", "/", "x.md",
    ]
    for count in [0, 1, 2, 3, 7, 20, 21, 64, 100, 257] {
      let paths = (0..<count).map { _ in
        (0..<Int.random(in: 1...4, using: &generator)).map { _ in
          pieces.randomElement(using: &generator)!
        }
        .joined(separator: "/")
      }
      #expect(PathOrder.sorted(paths) == paths.sorted(), "\(count) paths")
    }
  }

  @Test func keepsEqualPathsAndOrderedInput() {
    #expect(PathOrder.sorted(["b", "a", "b", "a"]) == ["a", "a", "b", "b"])
    #expect(PathOrder.sorted(["a", "b", "c"]) == ["a", "b", "c"])
  }
}
