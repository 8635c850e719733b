/// Makes hostile variants of task files, reproducibly: mutant `index` of a seed is always the
/// same bytes, so a failure seen once can be replayed alone.
public struct TaskFileMutator: Sendable {
  /// Task files to start from: (file name, bytes).
  public let corpus: [(name: String, bytes: [UInt8])]
  public let seed: UInt64

  public init(corpus: [(name: String, bytes: [UInt8])], seed: UInt64) {
    precondition(!corpus.isEmpty, "an empty corpus")
    self.corpus = corpus
    self.seed = seed
  }

  /// One mutant: which corpus file it replaces, its bytes, and the mutations applied, in words.
  public struct Mutant: Sendable {
    public var file: Int
    public var bytes: [UInt8]
    public var mutations: [String]
  }

  /// Mutant `index`: one to three mutations of one corpus file.
  public func mutant(_ index: Int) -> Mutant {
    var random = SeededGenerator(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
    let file = Int.random(in: 0..<corpus.count, using: &random)
    var bytes = corpus[file].bytes
    var applied: [String] = []
    for _ in 0..<Int.random(in: 1...3, using: &random) {
      let mutation = Mutation.allCases.randomElement(using: &random)!
      applied.append(mutation.apply(to: &bytes, using: &random))
    }
    return Mutant(file: file, bytes: bytes, mutations: applied)
  }
}

/// The ways a task file is damaged.
enum Mutation: CaseIterable {
  case flipBytes, truncate, duplicateLine, deleteLine, swapLines, reindentLine, deepFlowNesting,
    deepBlockNesting, longScalar, anchorAndAlias, aliasBomb, badUTF8, hostileValue, longList

  /// Applies the mutation; returns what it did, for the failure message.
  func apply(to bytes: inout [UInt8], using random: inout SeededGenerator) -> String {
    switch self {
    case .flipBytes:
      let count = Int.random(in: 1...8, using: &random)
      for _ in 0..<count where !bytes.isEmpty {
        let at = Int.random(in: 0..<bytes.count, using: &random)
        bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
      }
      return "flip \(count) bits"
    case .truncate:
      let at = Int.random(in: 0...bytes.count, using: &random)
      bytes.removeSubrange(at...)
      return "truncate at \(at)"
    case .duplicateLine, .deleteLine, .swapLines, .reindentLine:
      var lines = Self.lines(bytes)
      guard !lines.isEmpty else { return "no line to edit" }
      let a = Int.random(in: 0..<lines.count, using: &random)
      let b = Int.random(in: 0..<lines.count, using: &random)
      let description: String
      switch self {
      case .duplicateLine:
        lines.insert(lines[a], at: b)
        description = "duplicate line \(a + 1) before line \(b + 1)"
      case .deleteLine:
        lines.remove(at: a)
        description = "delete line \(a + 1)"
      case .swapLines:
        lines.swapAt(a, b)
        description = "swap lines \(a + 1) and \(b + 1)"
      default:
        let change = Int.random(in: -4...4, using: &random)
        let indent = lines[a].prefix { $0 == UInt8(ascii: " ") }.count
        lines[a] =
          Array(repeating: UInt8(ascii: " "), count: max(0, indent + change))
          + lines[a].dropFirst(indent)
        description = "indent line \(a + 1) by \(change)"
      }
      bytes = Self.joined(lines)
      return description
    case .deepFlowNesting:
      let depth = Int.random(in: 50...5_000, using: &random)
      let open = Bool.random(using: &random) ? "[" : "{a: "
      let close = open == "[" ? "]" : "}"
      let value = String(repeating: open, count: depth) + String(repeating: close, count: depth)
      insertLine("    env: \(value)", into: &bytes, using: &random)
      return "nest \(depth) flow collections"
    case .deepBlockNesting:
      let depth = Int.random(in: 50...300, using: &random)
      var text = ""
      for level in 0..<depth { text += String(repeating: " ", count: level) + "k\(level):\n" }
      insertLine(text + String(repeating: " ", count: depth) + "leaf", into: &bytes, using: &random)
      return "nest \(depth) block mappings"
    case .longScalar:
      let length = Int.random(in: 1_000...100_000, using: &random)
      let text = String(repeating: "x", count: length)
      if Bool.random(using: &random) {
        insertLine("    description: \(text)", into: &bytes, using: &random)
      } else {
        insertLine("  \(text): echo", into: &bytes, using: &random)
      }
      return "insert a \(length)-byte scalar"
    case .anchorAndAlias:
      var lines = Self.lines(bytes)
      guard lines.count > 1 else { return "no line for an anchor" }
      let a = Int.random(in: 0..<lines.count, using: &random)
      guard let colon = lines[a].firstIndex(of: UInt8(ascii: ":")) else { return "no anchor" }
      lines[a].insert(contentsOf: Array(" &m".utf8), at: colon + 1)
      let b = Int.random(in: 0..<lines.count, using: &random)
      let indent = lines[b].prefix { $0 == UInt8(ascii: " ") }.count
      let alias = Bool.random(using: &random) ? "<<: *m" : "k\(b): *m"
      lines.insert(Array(repeating: UInt8(ascii: " "), count: indent) + Array(alias.utf8), at: b)
      bytes = Self.joined(lines)
      return "anchor line \(a + 1), alias before line \(b + 1)"
    case .aliasBomb:
      let levels = Int.random(in: 3...40, using: &random)
      var text = "b0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
      for level in 1...levels {
        text +=
          "b\(level): &b\(level) ["
          + Array(repeating: "*b\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
      }
      let use = [
        "    env: *b\(levels)", "    run: *b\(levels)", "    depends: *b\(levels)",
        "    aliases: *b\(levels)", "  <<: *b\(levels)",
      ].randomElement(using: &random)!
      bytes = Array(text.utf8) + bytes
      insertLine(use, into: &bytes, using: &random)
      return "alias bomb of \(levels) levels used as `\(use)`"
    case .badUTF8:
      let sequences: [[UInt8]] = [
        [0xFF], [0xC0, 0x80], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
        [0x00], [0xEF, 0xBB, 0xBF],
      ]
      let sequence = sequences.randomElement(using: &random)!
      let at = Int.random(in: 0...bytes.count, using: &random)
      bytes.insert(contentsOf: sequence, at: at)
      return "insert bytes \(sequence) at \(at)"
    case .hostileValue:
      let values = [
        "    timeout: 99999999999999999999999s", "    timeout: 0.0000001s",
        "    retry: {attempts: 99999999999999999999, delay: 1e999s, backoff: inf}",
        "    retry: {attempts: 9223372036854775807, delay: 8760h, backoff: 1e308}",
        "    extends: \(Self.someTaskName(bytes, using: &random))",
        "    depends: [\(Self.someTaskName(bytes, using: &random))]",
        "    run: [{task: \(Self.someTaskName(bytes, using: &random))}]",
        "    args: [{name: a, variadic: true}, {name: a}]",
        "    flags: {help: {type: bool}, x: {type: int, default: '99999999999999999999'}}",
        "    dir: ../../../../../../../../",
        "    run: '{{ args }} {{ nope }} {{'",
        "    confirm: {expect: ''}",
        "    requires: ['>=', 'a>=1.2.3.4.5.6.7.8.9.99999999999999999999']",
      ]
      let value = values.randomElement(using: &random)!
      insertLine(value, into: &bytes, using: &random)
      return "insert `\(value)`"
    case .longList:
      let count = Int.random(in: 100...5_000, using: &random)
      let name = Self.someTaskName(bytes, using: &random)
      let list = Array(repeating: name, count: count).joined(separator: ", ")
      insertLine("    depends: [\(list)]", into: &bytes, using: &random)
      return "insert depends on `\(name)` \(count) times"
    }
  }

  /// Lines joined with newlines, into one buffer sized beforehand (the generic `joined` copy
  /// grew its buffer page by page).
  static func joined(_ lines: [[UInt8]]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(lines.reduce(lines.count) { $0 + $1.count })
    for (index, line) in lines.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: "\n")) }
      bytes.append(contentsOf: line)
    }
    return bytes
  }

  static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
    bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
  }

  /// Inserts a line before a random line of the file.
  func insertLine(_ line: String, into bytes: inout [UInt8], using random: inout SeededGenerator) {
    var lines = Self.lines(bytes)
    lines.insert(Array(line.utf8), at: Int.random(in: 0...lines.count, using: &random))
    bytes = Self.joined(lines)
  }

  /// A name written at two spaces' indent in the file (a task, likely), or `x`.
  static func someTaskName(_ bytes: [UInt8], using random: inout SeededGenerator) -> String {
    let names = lines(bytes).compactMap { line -> String? in
      guard line.count > 3, line[0] == 32, line[1] == 32, line[2] != 32,
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
      else { return nil }
      return String(decoding: line[2..<colon], as: UTF8.self)
    }
    // Short: a long scalar may have been inserted as a key, and names are repeated.
    return String((names.randomElement(using: &random) ?? "x").prefix(40))
  }
}
