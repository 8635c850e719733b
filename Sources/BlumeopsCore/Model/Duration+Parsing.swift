extension Duration {
  /// The longest duration a task file may give (`8760h`, 365 days): a longer timeout or delay is
  /// a typo, and every duration a run computes from one (deadlines, back-off) stays in range.
  public static let longestInTaskFile: Duration = .seconds(365 * 24 * 3600)

  /// What a duration text reads as.
  public enum Reading: Equatable, Sendable {
    case duration(Duration)
    /// Not a duration at all.
    case malformed
    /// Well formed, but longer than `longestInTaskFile`.
    case tooLong
  }

  /// Parses `90s`, `10m`, `1h30m`, `500ms`, `2.5s`; nil for anything else, and for a duration
  /// longer than `longestInTaskFile`.
  public static func parse(_ text: String) -> Duration? {
    if case .duration(let value) = read(text) { return value }
    return nil
  }

  /// Reads a duration text, telling a malformed one from one out of range.
  public static func read(_ text: String, allowsZero: Bool = false) -> Reading {
    var total = 0.0
    var number = ""
    var unit = ""
    var sawAny = false
    func flush() -> Bool {
      guard let value = Double(number), !unit.isEmpty else { return false }
      let scale: Double
      switch unit {
      case "ms": scale = 0.001
      case "s": scale = 1
      case "m": scale = 60
      case "h": scale = 3600
      default: return false
      }
      total += value * scale
      number = ""
      unit = ""
      sawAny = true
      return true
    }
    // Byte by byte: every valid duration is ASCII, and Character properties cost a cold start
    // more than the parse.
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."):
        if !unit.isEmpty { guard flush() else { return .malformed } }
        number.append(Character(Unicode.Scalar(byte)))
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
        guard !number.isEmpty else { return .malformed }
        unit.append(Character(Unicode.Scalar(byte)))
      default:
        return .malformed
      }
    }
    guard flush(), sawAny, total > 0 || (allowsZero && total == 0) else { return .malformed }
    // Checked before converting: a Double past Int64's range cannot become milliseconds (and a
    // number of 309 digits reads as infinity).
    guard total <= longestInTaskFile.seconds else { return .tooLong }
    return .duration(.milliseconds(Int64((total * 1000).rounded())))
  }

  /// Seconds as a Double, for display and arithmetic.
  public var seconds: Double {
    let (s, attoseconds) = components
    return Double(s) + Double(attoseconds) / 1e18
  }
}
