/// A file name made from a task label: letters, digits, `-`, `_`, `.` kept, the rest `_`.
public enum SafeFileName {
  public static func make(_ label: String) -> String {
    // Bytes rather than Characters: building the name from Characters cost a run a run-time type
    // lookup the first time, among its larger start-up costs.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(label.utf8.count, 121))
    for scalar in label.unicodeScalars.prefix(120) {
      let value = scalar.value
      let kept =
        (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
        || (value >= 0x30 && value <= 0x39) || value == 0x2D || value == 0x5F || value == 0x2E
      bytes.append(kept ? UInt8(value) : UInt8(ascii: "_"))
    }
    if bytes.first == nil || bytes.first == UInt8(ascii: ".") {
      bytes.insert(UInt8(ascii: "_"), at: 0)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
