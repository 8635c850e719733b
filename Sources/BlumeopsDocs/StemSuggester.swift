/// Finds the closest stem to a broken target: the same answer as `Suggestion.closest` (distance
/// at most `max(2, length / 3)`, the first stem in sorted order among the closest).
///
/// Generated trees hold thousands of stems that share long prefixes (`doc-01234`), and one full
/// edit distance per stem per broken link costs seconds. So the stems go into a trie, searched
/// depth first in sorted order with one distance row per node: a shared prefix is computed once,
/// and a subtree is dropped as soon as its row is over the bound. Built on the first broken link.
struct StemSuggester {
  private let source: [String]
  private var trie: StemTrie?
  private var cache: [String: String?] = [:]

  init(stems: some Sequence<String>) {
    source = Array(stems)
  }

  mutating func closest(to word: String) -> String? {
    if let known = cache[word] { return known }
    if trie == nil { trie = StemTrie(source.sorted()) }
    let best = trie?.closest(to: word.unicodeScalars.map(\.value))
    cache[word] = best
    return best
  }
}

/// Stems as a trie of Unicode scalars; children are kept in sorted order.
private struct StemTrie {
  private var labels: [UInt32] = [0]
  private var children: [[Int]] = [[]]
  /// The stem ending at each node, if any.
  private var stems: [String?] = [nil]
  private var depth = 0

  /// `sorted` must be in ascending order, so each new child sorts after its siblings.
  init(_ sorted: [String]) {
    var path = [0]
    var previous: [UInt32] = []
    for stem in sorted {
      let scalars = stem.unicodeScalars.map(\.value)
      var shared = 0
      while shared < min(scalars.count, previous.count), scalars[shared] == previous[shared] {
        shared += 1
      }
      path.removeLast(path.count - 1 - shared)
      for scalar in scalars[shared...] {
        labels.append(scalar)
        children.append([])
        stems.append(nil)
        children[path[path.count - 1]].append(labels.count - 1)
        path.append(labels.count - 1)
      }
      stems[path[path.count - 1]] = stem
      depth = max(depth, scalars.count)
      previous = scalars
    }
  }

  /// The first stem, in sorted order, at the smallest distance within the limit.
  func closest(to target: [UInt32]) -> String? {
    let width = target.count + 1
    var rows = [Int](repeating: 0, count: (depth + 1) * width)
    for j in 0..<width { rows[j] = j }
    var bound = max(2, target.count / 3)
    var best: String?
    // Children are pushed in reverse so the smallest is visited first.
    var stack: [(node: Int, depth: Int)] = children[0].reversed().map { ($0, 1) }
    while let (node, level) = stack.popLast() {
      let row = level * width
      let parent = row - width
      rows[row] = level
      var minimum = level
      for j in 1..<width {
        let substitution = rows[parent + j - 1] + (labels[node] == target[j - 1] ? 0 : 1)
        let value = min(rows[parent + j] + 1, rows[row + j - 1] + 1, substitution)
        rows[row + j] = value
        minimum = min(minimum, value)
      }
      if let stem = stems[node], rows[row + width - 1] <= bound {
        best = stem
        // Only a strictly closer stem may replace it: the first in sorted order wins a tie.
        bound = rows[row + width - 1] - 1
        if bound < 0 { break }
      }
      if minimum <= bound {
        stack += children[node].reversed().map { ($0, level + 1) }
      }
    }
    return best
  }
}
