import BlumeopsCore

/// Finds the closest stem to a broken target, comparing only stems of a plausible length.
struct StemSuggester {
  private let stems: [(stem: String, length: Int)]
  private var cache: [String: String?] = [:]

  init(stems: some Sequence<String>) {
    self.stems = stems.sorted().map { ($0, $0.count) }
  }

  mutating func closest(to word: String) -> String? {
    if let known = cache[word] { return known }
    let length = word.count
    // Suggestion.closest accepts up to this distance; stems further apart in length cannot match.
    let limit = max(2, length / 3)
    let nearby = stems.lazy.filter { abs($0.length - length) <= limit }.map(\.stem)
    let best = Suggestion.closest(to: word, in: nearby)
    cache[word] = best
    return best
  }
}
