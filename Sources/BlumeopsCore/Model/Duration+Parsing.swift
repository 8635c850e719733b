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
    for character in text {
      if character.isNumber || character == "." {
        if !unit.isEmpty { guard flush() else { return nil } }
        number.append(character)
      } else if character.isLetter {
        guard !number.isEmpty else { return nil }
        unit.append(character)
      } else {
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
