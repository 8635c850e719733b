/// A string with `{{ name }}` placeholders.
public struct Template: Sendable {
  public enum Segment: Sendable, Equatable {
    case text(String)
    case parameter(String)
  }

  public var segments: [Segment]

  /// Whether `text` has a `{{` at all: a plain byte scan, far cheaper than parsing, and most
  /// commands have no placeholder.
  public static func mayHavePlaceholders(_ text: String) -> Bool {
    var previousWasBrace = false
    for byte in text.utf8 {
      let isBrace = byte == UInt8(ascii: "{")
      if isBrace && previousWasBrace { return true }
      previousWasBrace = isBrace
    }
    return false
  }

  public init(_ text: String) {
    guard Self.mayHavePlaceholders(text) else {
      segments = text.isEmpty ? [] : [.text(text)]
      return
    }
    var segments: [Segment] = []
    var rest = Substring(text)
    while let open = Self.pair(UInt8(ascii: "{"), in: rest) {
      guard let close = Self.pair(UInt8(ascii: "}"), in: rest[open.upperBound...]) else { break }
      let name = String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces()
      guard Self.isParameterName(name) else {
        segments.append(.text(String(rest[..<close.upperBound])))
        rest = rest[close.upperBound...]
        continue
      }
      if open.lowerBound > rest.startIndex {
        segments.append(.text(String(rest[..<open.lowerBound])))
      }
      segments.append(.parameter(name))
      rest = rest[close.upperBound...]
    }
    if !rest.isEmpty { segments.append(.text(String(rest))) }
    self.segments = segments
  }

  /// The first two bytes in a row equal to `brace`, found in the UTF-8 bytes rather than through
  /// the generic string search, which was slow to start.
  private static func pair(_ brace: UInt8, in text: Substring) -> Range<String.Index>? {
    let bytes = text.utf8
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let next = bytes.index(after: index)
      if bytes[index] == brace, next < bytes.endIndex, bytes[next] == brace {
        return index..<bytes.index(after: next)
      }
      index = next
    }
    return nil
  }

  /// Names that look like parameters; anything else between braces is left as text
  /// (so Go templates such as `{{.Status}}` in a kubectl command pass through untouched).
  static func isParameterName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_"
    else { return false }
    return name.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
    }
  }

  public var parameters: [String] {
    segments.compactMap { if case .parameter(let name) = $0 { return name } else { return nil } }
  }

  /// The text with each placeholder replaced by `value(name)`.
  public func render(_ value: (String) -> String) -> String {
    var result = ""
    for segment in segments {
      switch segment {
      case .text(let text): result += text
      case .parameter(let name): result += value(name)
      }
    }
    return result
  }

  /// True when the text contains no placeholder, so it can be used as is.
  public var isPlain: Bool {
    !segments.contains { if case .parameter = $0 { return true } else { return false } }
  }
}

/// Quoting for bash and sh: a value becomes exactly one word, whatever it contains.
public enum ShellQuote {
  public static func quote(_ value: String) -> String {
    if !value.isEmpty, value.unicodeScalars.allSatisfy(isSafe) { return value }
    return "'" + value.replacing("'", with: "'\\''") + "'"
  }

  private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII
      && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        || "_-./:=@%+,".unicodeScalars.contains(scalar))
  }
}
