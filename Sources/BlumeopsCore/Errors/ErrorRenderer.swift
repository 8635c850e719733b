/// Renders errors like a compiler: message, location, the source line with a caret, notes, help.
public struct ErrorRenderer: Sendable {
  /// Task file texts by path relative to the project root.
  public var sources: [String: String]
  public var color: Bool
  /// In CI: also a workflow command per error, so the CI system annotates the file and line.
  public var annotations: AnnotationPaths?

  public init(
    sources: [String: String] = [:], color: Bool = false, annotations: AnnotationPaths? = nil
  ) {
    self.sources = sources
    self.color = color
    self.annotations = annotations
  }

  public func render(_ error: BlumeopsError, severity: String = "error") -> String {
    var lines = [paint(severity + ":", severity == "error" ? "1;31" : "1;33") + " " + error.message]
    if let location = error.location {
      lines += excerpt(at: location)
    }
    for note in error.notes { lines.append(paint("note:", "1") + " " + note) }
    if let help = error.help { lines.append(paint("help:", "1;36") + " " + help) }
    if let annotations {
      lines.append(annotation(error, severity: severity, paths: annotations).command)
    }
    return lines.joined(separator: "\n")
  }

  /// The error as a CI annotation: its message, notes and help, at its location.
  public func annotation(_ error: BlumeopsError, severity: String = "error", paths: AnnotationPaths)
    -> Annotation
  {
    let location = error.location
    let message =
      ([error.message] + error.notes.map { "note: " + $0 }
      + (error.help.map { ["help: " + $0] } ?? [])).joined(separator: "\n")
    return Annotation(
      severity == "warning" ? .warning : .error, file: location.map { paths.path($0.file) },
      line: location?.position.line, column: location?.position.column, message: message)
  }

  public func render(_ errors: [BlumeopsError]) -> String {
    errors.map { render($0) }.joined(separator: "\n\n")
  }

  private func excerpt(at location: SourceLocation) -> [String] {
    let position = location.position
    let number = String(position.line)
    let gutter = String(repeating: " ", count: number.count)
    var lines = ["\(gutter)\(paint("-->", "1;34")) \(location)"]
    guard let text = sources[location.file], let line = Self.line(position.line, of: text) else {
      return lines
    }
    let bar = paint("|", "1;34")
    let prefix = line.prefix(max(0, position.column - 1)).map { $0 == "\t" ? "\t" : " " }
    let available = max(1, line.count - (position.column - 1))
    let carets = String(repeating: "^", count: min(position.width, available))
    lines.append("\(gutter) \(bar)")
    lines.append("\(paint(number, "1;34")) \(bar) \(line)")
    lines.append("\(gutter) \(bar) \(prefix.joined())\(paint(carets, "1;31"))")
    return lines
  }

  /// Line `number` (1-based) of a text, without its line ending.
  static func line(_ number: Int, of text: String) -> Substring? {
    var current = 1
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "\n" || text[index] == "\r\n" {
        if current == number { return text[start..<index] }
        current += 1
        start = text.index(after: index)
      }
      index = text.index(after: index)
    }
    return current == number ? text[start..<text.endIndex] : nil
  }

  private func paint(_ text: String, _ code: String) -> String {
    Style(color: color).paint(text, code)
  }
}
