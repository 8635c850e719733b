/// A file name made from a task label: letters, digits, `-`, `_`, `.` kept, the rest `_`.
public enum SafeFileName {
  public static func make(_ label: String) -> String {
    let kept = label.unicodeScalars.map { scalar -> Character in
      scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
          || "-_.".unicodeScalars.contains(scalar))
        ? Character(scalar) : "_"
    }
    let name = String(kept.prefix(120))
    return name.isEmpty || name.hasPrefix(".") ? "_" + name : name
  }
}
