/// A JSON value with keys kept in the order written, serialised by hand for stable output.
public indirect enum JSONValue: Sendable, Equatable {
  case string(String)
  case number(Int)
  case double(Double)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

  /// Compact by default; `indent` pretty-prints with that many spaces.
  public func serialized(indent: Int? = nil) -> String {
    var output = ""
    write(to: &output, indent: indent, level: 0)
    return output
  }

  private func write(to output: inout String, indent: Int?, level: Int) {
    let newline = indent == nil ? "" : "\n"
    let pad = { (level: Int) in String(repeating: " ", count: (indent ?? 0) * level) }
    switch self {
    case .string(let text): Self.escape(text, into: &output)
    case .number(let number): output += String(number)
    case .double(let number): output += String(number)
    case .bool(let flag): output += flag ? "true" : "false"
    case .null: output += "null"
    case .array(let items):
      if items.isEmpty { output += "[]"; return }
      output += "[" + newline
      for (index, item) in items.enumerated() {
        output += pad(level + 1)
        item.write(to: &output, indent: indent, level: level + 1)
        output += (index < items.count - 1 ? "," : "") + newline
      }
      output += pad(level) + "]"
    case .object(let fields):
      if fields.isEmpty { output += "{}"; return }
      output += "{" + newline
      for (index, field) in fields.enumerated() {
        output += pad(level + 1)
        Self.escape(field.0, into: &output)
        output += indent == nil ? ":" : ": "
        field.1.write(to: &output, indent: indent, level: level + 1)
        output += (index < fields.count - 1 ? "," : "") + newline
      }
      output += pad(level) + "}"
    }
  }

  /// Works on UTF-8 bytes: everything to escape is ASCII, and every other byte, multi-byte
  /// characters included, is copied as it is.
  static func escape(_ text: String, into output: inout String) {
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    bytes.reserveCapacity(text.utf8.count + 2)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
      case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case ..<0x20:
        let digits = Array("0123456789abcdef".utf8)
        bytes += Array("\\u00".utf8) + [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
    output += String(decoding: bytes, as: UTF8.self)
  }
}
