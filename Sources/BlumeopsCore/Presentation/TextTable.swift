/// The one table renderer: aligned columns, colour added after padding so that columns stay
/// aligned, trailing spaces trimmed.
public struct TextTable {
  public enum Alignment: Sendable { case left, right }

  public struct Column: Sendable {
    public var header: String
    public var alignment: Alignment
    /// What separates this column from the one before it.
    public var gap: String

    public init(_ header: String = "", _ alignment: Alignment = .left, gap: String = "  ") {
      self.header = header
      self.alignment = alignment
      self.gap = gap
    }
  }

  public struct Cell: ExpressibleByStringLiteral, Sendable {
    public var text: String
    /// An SGR code such as "33", applied only when colour is on.
    public var color: String?

    public init(_ text: String, color: String? = nil) {
      self.text = text
      self.color = color
    }

    public init(stringLiteral value: String) { self.init(value) }
  }

  public var columns: [Column]
  /// Whether the first line names the columns.
  public var showsHeaders: Bool
  public private(set) var rows: [[Cell]] = []

  public init(_ columns: [Column], showsHeaders: Bool = true) {
    self.columns = columns
    self.showsHeaders = showsHeaders
  }

  /// Left-aligned columns with these headers.
  public init(headers: [String]) {
    self.init(headers.map { Column($0) })
  }

  public mutating func add(_ row: [Cell]) { rows.append(row) }

  public mutating func add(_ texts: [String]) { rows.append(texts.map { Cell($0) }) }

  /// One string per line, without line endings.
  public func lines(style: Style) -> [String] {
    var widths = columns.map { showsHeaders ? $0.header.count : 0 }
    for row in rows {
      for (column, cell) in row.enumerated() where column < widths.count {
        widths[column] = max(widths[column], cell.text.count)
      }
    }
    let all = (showsHeaders ? [columns.map { Cell($0.header) }] : []) + rows
    return all.map { row in
      var line = ""
      for (index, cell) in row.enumerated() where index < columns.count {
        let column = columns[index]
        let pad = String(repeating: " ", count: widths[index] - cell.text.count)
        let text = cell.color.map { style.paint(cell.text, $0) } ?? cell.text
        if index > 0 { line += column.gap }
        line += column.alignment == .right ? pad + text : text + pad
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// The lines, each ending in a line break.
  public func render(style: Style) -> String {
    lines(style: style).map { $0 + "\n" }.joined()
  }
}
