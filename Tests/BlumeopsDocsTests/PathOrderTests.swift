import Testing

@testable import BlumeopsDocs

@Suite struct PathOrderTests {
  @Test func sortsLikeTheStandardLibrary() {
    // Seeded, so a failure can be replayed.
    var generator = SplitMix64(seed: 0x5EED_0F_B1_0E)
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

/// A small deterministic generator (SplitMix64) for tests that want varied but replayable input.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
