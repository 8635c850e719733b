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
    var lines: [String: [Substring]] = [:]
    return render(error, severity: severity, lines: &lines)
  }

  /// How many errors `render(_:)` shows in full; the rest are counted.
  public static let shownErrors = 100
  /// Lines longer than this (in bytes) are shown around the caret only.
  static let longLine = 160

  /// Renders the first `shownErrors` errors and counts the others; each file is split into lines
  /// once, however many errors point into it.
  public func render(_ errors: [BlumeopsError]) -> String {
    var lines: [String: [Substring]] = [:]
    var text = errors.prefix(Self.shownErrors).map { render($0, lines: &lines) }
      .joined(separator: "\n\n")
    if errors.count > Self.shownErrors {
      text +=
        "\n\n\(paint("note:", "1")) \(errors.count - Self.shownErrors) more problems not shown;"
        + " `blumeops tasks validate --json` lists them all"
    }
    return text
  }

  private func render(
    _ error: BlumeopsError, severity: String = "error", lines fileLines: inout [String: [Substring]]
  ) -> String {
    var lines = [paint(severity + ":", severity == "error" ? "1;31" : "1;33") + " " + error.message]
    if let location = error.location {
      if fileLines[location.file] == nil, let text = sources[location.file] {
        fileLines[location.file] = Self.lines(of: text)
      }
      lines += excerpt(at: location, lines: fileLines[location.file])
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

  private func excerpt(at location: SourceLocation, lines fileLines: [Substring]?) -> [String] {
    let position = location.position
    let number = String(position.line)
    let gutter = String(repeating: " ", count: number.count)
    var lines = ["\(gutter)\(paint("-->", "1;34")) \(location)"]
    guard let fileLines, fileLines.indices.contains(position.line - 1) else { return lines }
    var line = fileLines[position.line - 1]
    var column = position.column
    var shown = String(line)
    // A long line is shown around the caret only: every error pointing into it would otherwise
    // repeat all of it.
    if line.utf8.count > Self.longLine {
      let start =
        line.index(line.startIndex, offsetBy: max(0, column - 1 - 40), limitedBy: line.endIndex)
        ?? line.endIndex
      let end = line.index(start, offsetBy: 120, limitedBy: line.endIndex) ?? line.endIndex
      let skipped = line.distance(from: line.startIndex, to: start)
      column -= skipped
      line = line[start..<end]
      shown =
        (skipped > 0 ? "…" : "") + line + (end < fileLines[position.line - 1].endIndex ? "…" : "")
      if skipped > 0 { column += 1 }
    }
    let bar = paint("|", "1;34")
    let prefix = shown.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }
    let available = max(1, shown.count - (column - 1))
    let carets = String(repeating: "^", count: min(position.width, available))
    lines.append("\(gutter) \(bar)")
    lines.append("\(paint(number, "1;34")) \(bar) \(shown)")
    lines.append("\(gutter) \(bar) \(prefix.joined())\(paint(carets, "1;31"))")
    return lines
  }

  /// The lines of a text, without their line endings (`\n` or `\r\n`).
  static func lines(of text: String) -> [Substring] {
    // Split as bytes: the grapheme breaking of a Character split cost more than the rest of a
    // render on long files.
    text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
      Substring(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
    }
  }

  private func paint(_ text: String, _ code: String) -> String {
    Style(color: color).paint(text, code)
  }
}
