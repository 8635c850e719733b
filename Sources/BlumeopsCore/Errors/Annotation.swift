/// A finding as a CI system's workflow command (`::error file=…,line=…,col=…::message`), the
/// form GitHub and Forgejo Actions turn into an annotation on the file and line.
public struct Annotation: Sendable, Equatable {
  public enum Severity: String, Sendable {
    case error, warning, notice
  }

  public var severity: Severity
  /// Relative to the repository root, with `/` separators.
  public var file: String?
  /// 1-based.
  public var line: Int?
  /// 1-based.
  public var column: Int?
  public var title: String?
  public var message: String

  public init(
    _ severity: Severity, file: String? = nil, line: Int? = nil, column: Int? = nil,
    title: String? = nil, message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.title = title
    self.message = message
  }

  /// The workflow command: one line whatever the message holds.
  public var command: String {
    var properties: [String] = []
    if let file { properties.append("file=" + Self.escapeProperty(file)) }
    if let line { properties.append("line=\(line)") }
    if let column { properties.append("col=\(column)") }
    if let title { properties.append("title=" + Self.escapeProperty(title)) }
    let head = properties.isEmpty ? "" : " " + properties.joined(separator: ",")
    return "::\(severity.rawValue)\(head)::\(Self.escapeData(message))"
  }

  /// The escaping the Actions runner undoes: `%`, then line breaks.
  static func escapeData(_ text: String) -> String {
    text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
  }

  /// Property values also escape the `:` and `,` that would end them.
  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
  }
}

/// Where annotation paths start: a project's root seen from its repository's root.
public struct AnnotationPaths: Sendable, Equatable {
  /// The project root relative to the repository root, ending in `/`, or empty when they are
  /// the same directory.
  public var projectPrefix: String

  public init(projectPrefix: String = "") {
    self.projectPrefix = projectPrefix
  }

  /// The repository root is the nearest ancestor of `root` (itself included) that holds `.git`
  /// (a directory, or a file in a worktree); without one, the project root stands in for it.
  public static func locate(projectRoot root: String) -> AnnotationPaths {
    var directory = root
    var below: [Substring] = []
    while true {
      if FileSystem.exists(directory + "/.git") {
        return AnnotationPaths(
          projectPrefix: below.isEmpty ? "" : below.reversed().joined(separator: "/") + "/")
      }
      guard let slash = directory.lastIndex(of: "/"), directory != "/" else { break }
      below.append(directory[directory.index(after: slash)...])
      directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
    }
    return AnnotationPaths()
  }

  /// A path relative to the project root, made relative to the repository root.
  public func path(_ projectRelative: String) -> String { projectPrefix + projectRelative }
}

extension AnnotationPaths {
  /// Whether an environment asks for annotations: `CI` set and not `false`/`0`, or
  /// `GITHUB_ACTIONS` or `FORGEJO_ACTIONS` set to `true`.
  public static func wanted(in environment: [String: String]) -> Bool {
    if let value = environment["CI"], !value.isEmpty, value != "false", value != "0" {
      return true
    }
    return ["GITHUB_ACTIONS", "FORGEJO_ACTIONS"].contains { environment[$0] == "true" }
  }
}
