extension Duration {
  /// Parses `90s`, `10m`, `1h30m`, `500ms`, `2.5s`; nil for anything else.
  public static func parse(_ text: String) -> Duration? {
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
        if !unit.isEmpty { guard flush() else { return nil } }
        number.append(Character(Unicode.Scalar(byte)))
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
        guard !number.isEmpty else { return nil }
        unit.append(Character(Unicode.Scalar(byte)))
      default:
        return nil
      }
    }
    guard flush(), sawAny, total > 0 else { return nil }
    return .milliseconds(Int64((total * 1000).rounded()))
  }

  /// Seconds as a Double, for display and arithmetic.
  public var seconds: Double {
    let (s, attoseconds) = components
    return Double(s) + Double(attoseconds) / 1e18
  }
}
