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

  static func escape(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
