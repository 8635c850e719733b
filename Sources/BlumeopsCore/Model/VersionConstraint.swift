/// A version constraint of a required tool: `>=2.15`, `>3`, `=1.2.3`, `<4`.
public struct VersionConstraint: Sendable, Hashable, CustomStringConvertible {
  public enum Comparison: String, Sendable, CaseIterable {
    case atLeast = ">=", atMost = "<=", greater = ">", less = "<", equal = "="
  }

  public var comparison: Comparison
  public var version: [Int]

  public init(_ comparison: Comparison, _ version: [Int]) {
    self.comparison = comparison
    self.version = version
  }

  /// Splits `name>=1.2` into the tool name and its constraint.
  public static func split(_ text: String) -> (tool: String, constraint: VersionConstraint?)? {
    let comparisonBytes: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "=")]
    guard let index = text.utf8.firstIndex(where: comparisonBytes.contains) else {
      return text.isEmpty ? nil : (text.trimmingSpaces(), nil)
    }
    let tool = String(text[..<index]).trimmingSpaces()
    let rest = String(text[index...]).trimmingSpaces()
    for comparison in Comparison.allCases where rest.hasPrefix(comparison.rawValue) {
      let number = String(rest.dropFirst(comparison.rawValue.count)).trimmingSpaces()
      guard !tool.isEmpty, let version = parseVersion(number), number.first?.isNumber == true
      else { return nil }
      return (tool, VersionConstraint(comparison, version))
    }
    return nil
  }

  /// The first dotted number in a text (`ansible-playbook [core 2.17.4]` → [2, 17, 4]).
  public static func parseVersion(_ text: String) -> [Int]? {
    var parts: [Int] = []
    var digits = ""
    for character in text {
      if character.isASCII, character.isNumber {
        digits.append(character)
      } else if character == ".", !digits.isEmpty {
        parts.append(Int(digits) ?? 0)
        digits = ""
      } else if !digits.isEmpty || !parts.isEmpty {
        break
      }
    }
    if !digits.isEmpty { parts.append(Int(digits) ?? 0) }
    return parts.isEmpty ? nil : parts
  }

  public func isSatisfied(by found: [Int]) -> Bool {
    let order = Self.compare(found, version)
    switch comparison {
    case .atLeast: return order >= 0
    case .atMost: return order <= 0
    case .greater: return order > 0
    case .less: return order < 0
    case .equal: return order == 0
    }
  }

  static func compare(_ a: [Int], _ b: [Int]) -> Int {
    for index in 0..<max(a.count, b.count) {
      let x = index < a.count ? a[index] : 0
      let y = index < b.count ? b[index] : 0
      if x != y { return x < y ? -1 : 1 }
    }
    return 0
  }

  public var description: String {
    comparison.rawValue + version.map(String.init).joined(separator: ".")
  }
}

extension String {
  func trimmingSpaces() -> String {
    // Most texts have nothing to trim; their ends are seen as bytes, without the Unicode
    // properties of Characters.
    if let first = utf8.first, let last = utf8.last, Self.isPlainEnd(first), Self.isPlainEnd(last) {
      return self
    }
    var slice = Substring(self)
    while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
    while slice.last?.isWhitespace == true { slice = slice.dropLast() }
    return String(slice)
  }

  /// An ASCII byte that is not whitespace.
  private static func isPlainEnd(_ byte: UInt8) -> Bool {
    byte > 0x20 && byte < 0x7F
  }
}
