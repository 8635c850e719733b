/// A plain aligned table; colour codes are added after padding so columns stay aligned.
struct TextTable {
  enum Alignment { case left, right }

  struct Cell: ExpressibleByStringLiteral {
    var text: String
    /// An ANSI SGR code such as "33", applied only when colour is on.
    var color: String?

    init(_ text: String, color: String? = nil) {
      self.text = text
      self.color = color
    }

    init(stringLiteral value: String) { self.init(value) }
  }

  var headers: [String]
  var alignments: [Alignment]
  var rows: [[Cell]] = []

  init(headers: [String], alignments: [Alignment]) {
    self.headers = headers
    self.alignments = alignments
  }

  mutating func add(_ row: [Cell]) { rows.append(row) }

  /// The table's lines, columns separated by two spaces, trailing spaces trimmed.
  func render(color: Bool) -> String {
    var widths = headers.map(\.count)
    for row in rows {
      for (column, cell) in row.enumerated() {
        widths[column] = max(widths[column], cell.text.count)
      }
    }
    var output = ""
    let lines = [headers.map { Cell($0) }] + rows
    for row in lines {
      var parts: [String] = []
      for (column, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[column] - cell.text.count)
        let last = column == row.count - 1
        var text = cell.text
        if color, let code = cell.color { text = "\u{1B}[\(code)m\(text)\u{1B}[0m" }
        parts.append(alignments[column] == .right ? pad + text : (last ? text : text + pad))
      }
      var line = parts.joined(separator: "  ")
      while line.hasSuffix(" ") { line.removeLast() }
      output += line + "\n"
    }
    return output
  }
}
