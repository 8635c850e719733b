import Testing

@testable import BlumeopsCore

/// The flat reader must build exactly what libyaml builds, or step aside.
@Suite struct FlatYAMLReaderTests {
  @Test(arguments: [
    "title: Kustomize 6\nmodified: 2025-07-07\ntags: [network, docs]\nlast-reviewed: 2025-07-19\n",
    "tags:\n  - a\n  - b c\n",
    "tags:\n- a\n- b\nnext: 1\n",
    "a:\nb: 1\n",
    "a:\n",
    "a:",
    "a:   \n\n",
    "a: x\n\n\nb: y",
    "\n\na: 1\n",
    "tags: []\n",
    "tags: [ ]\n",
    "tags: [  one ,two,  three  ]  \n",
    "title: Don't panic, it's fine (really) — ünïcode ✓ 日本\n",
    "title: a\r\nb: c\r\n",
    "k: ~\nl: null\n",
    "path: ./docs/how-to/x.md\n",
    "x: 1\ntags:\n\n  - a\n\n  - b\n\ny: 2\n",
    "",
    "\n  \n",
  ])
  func readsTheFlatShapeAsLibyamlDoes(_ text: String) throws {
    let flat = try #require(
      Self.flat(text), "expected the flat reader to accept \(text.debugDescription)")
    let full = try YAMLReader.parse(text)
    #expect(Self.dump(flat) == Self.dump(full))
  }

  @Test(arguments: [
    "title: \"quoted\"\n",
    "title: 'quoted'\n",
    "title: a # comment\n",
    "# comment\na: 1\n",
    "a: &x 1\nb: *x\n",
    "a: 1\na: 2\n",
    "a: b: c\n",
    "a: 10:30\n",
    "a:\tb\n",
    "a: first\n  continued\n",
    "  a: 1\n",
    "a : 1\n",
    "a: [x, [y]]\n",
    "a: [x,]\n",
    "a: {x: 1}\n",
    "a: |\n  text\n",
    "a: >\n  text\n",
    "a: !tag x\n",
    "- a\n- b\n",
    "a:\n  - x\n   - y\n",
    "a:\n  -\n",
    "a:\n  - - x\n",
    "a:\n  b: 1\n",
    "a: -1\n",
    "a: x\rb: y\n",
    "<<: {a: 1}\n",
    "---\na: 1\n",
    "a: \u{2028}\n",
    "a: \u{FEFF}x\n",
  ])
  func leavesEverythingElseToLibyaml(_ text: String) {
    #expect(Self.flat(text) == nil, "\(text.debugDescription) should not be read as flat")
  }

  /// Random texts built from the pieces frontmatter is made of, tricky characters included:
  /// whenever the flat reader answers, libyaml must answer the same.
  @Test func agreesWithLibyamlOnGeneratedTexts() throws {
    var random = SplitMix(seed: 0x5eed)
    let keys = ["title", "tags", "modified", "last-reviewed", "a_b", "x1", "title"]
    let pieces = [
      "word", "two words", "2026-11-22", "1.10", "on", "~", "null", "it's", "a,b", "x:y", "x: y",
      "#c", " #c", "[a]", "{b}", "&a", "*a", "!t", "|", ">", "-", "-x", "'q'", "\"q\"", "é", "—",
      "?", "%", "@", "`", "a\tb", "", " ", "...", "---", "\u{85}", "日本",
    ]
    func value() -> String {
      (0..<random.next(3)).map { _ in pieces[random.next(pieces.count)] }.joined()
    }
    var flatCount = 0
    for _ in 0..<3000 {
      var lines: [String] = []
      for _ in 0..<random.next(5) {
        let key = keys[random.next(keys.count)]
        switch random.next(6) {
        case 0: lines.append("\(key):")
        case 1:
          lines.append(
            "\(key): [" + (0..<random.next(4)).map { _ in value() }.joined(separator: ",") + "]")
        case 2:
          lines.append("\(key):")
          let indent = String(repeating: " ", count: random.next(3))
          for _ in 0..<1 + random.next(3) { lines.append(indent + "- " + value()) }
        case 3: lines.append("")
        default: lines.append("\(key): " + value())
        }
      }
      let text =
        lines.joined(separator: random.next(4) == 0 ? "\r\n" : "\n")
        + (random.next(2) == 0 ? "\n" : "")
      guard let flat = Self.flat(text) else { continue }
      flatCount += 1
      let full = try YAMLReader.parse(text)
      #expect(Self.dump(flat) == Self.dump(full), "\(text.debugDescription)")
    }
    // The generator must exercise the flat reader, not only its refusals.
    #expect(flatCount > 300)
  }

  private static func flat(_ text: String) -> YAMLNode?? {
    let bytes = Array(text.utf8)
    let result = bytes.withUnsafeBufferPointer { FlatYAMLReader.parse($0) }
    guard case .parsed(let node) = result else { return nil }
    return .some(node)
  }

  /// Every field of a tree, positions included.
  private static func dump(_ node: YAMLNode?) -> String {
    guard let node else { return "empty" }
    let where_ = "@\(node.position.line):\(node.position.column)/\(node.position.width)"
    switch node.content {
    case .scalar(let text, let plain):
      return "\(plain ? "plain" : "quoted")(\(text.debugDescription))\(where_)"
    case .sequence(let items):
      return "seq\(where_)[" + items.map { dump($0) }.joined(separator: ", ") + "]"
    case .mapping(let pairs):
      return "map\(where_){"
        + pairs.map { dump($0.key) + ": " + dump($0.value) }.joined(separator: ", ") + "}"
    }
  }
}

/// A small deterministic generator, so a failure replays.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
  }
}
