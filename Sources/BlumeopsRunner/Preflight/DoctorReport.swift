import BlumeopsCore

/// What `blumeops doctor` found: each required tool and each precondition, passing or not.
public struct DoctorReport: Sendable {
  public struct Tool: Sendable {
    public var status: ToolStatus
    public var constraints: [String]
    public var neededBy: [String]
    public var ok: Bool
  }

  public struct Check: Sendable {
    public var task: String
    public var precondition: Precondition
    public var ok: Bool

    public init(task: String, precondition: Precondition, ok: Bool) {
      self.task = task
      self.precondition = precondition
      self.ok = ok
    }
  }

  public var tools: [Tool] = []
  public var checks: [Check] = []

  public init() {}

  public var ok: Bool { tools.allSatisfy(\.ok) && checks.allSatisfy(\.ok) }

  public mutating func add(
    _ status: ToolStatus, requirements: [(task: String, requirement: ToolRequirement)]
  ) {
    let constraints = Set(requirements.compactMap(\.requirement.constraint))
    let ok =
      status.path != nil
      && constraints.allSatisfy { constraint in
        status.version.map(constraint.isSatisfied) ?? false
      }
    var neededBy: [String] = []
    for use in requirements where !neededBy.contains(use.task) { neededBy.append(use.task) }
    tools.append(
      Tool(
        status: status, constraints: constraints.map(\.description).sorted(), neededBy: neededBy,
        ok: ok))
  }

  /// Aligned tables: a passing precondition shows its check, a failing one its message.
  public func text() -> String {
    var lines: [String] = []
    if tools.isEmpty {
      lines.append("no task requires a tool")
    } else {
      var table = TextTable(headers: ["", "TOOL", "REQUIRED", "FOUND", "PATH", "NEEDED BY"])
      for tool in tools {
        table.add([
          Self.mark(tool.ok), tool.status.tool,
          tool.constraints.isEmpty ? "any" : tool.constraints.joined(separator: ", "),
          tool.status.path == nil ? "missing" : tool.status.versionDescription,
          tool.status.path ?? "-", tool.neededBy.joined(separator: ", "),
        ])
      }
      lines += table.lines(style: Style(color: false))
    }
    if !checks.isEmpty {
      var table = TextTable(headers: ["", "TASK", "PRECONDITION"])
      for check in checks {
        table.add([
          Self.mark(check.ok), check.task,
          Self.oneLine(check.ok ? check.precondition.command : check.precondition.message),
        ])
      }
      lines += [""] + table.lines(style: Style(color: false))
    }
    lines += ["", ok ? "all checks passed" : "some checks failed"]
    return lines.joined(separator: "\n")
  }

  /// Padded alike, so that the two tables line up.
  static func mark(_ ok: Bool) -> String { ok ? "ok  " : "FAIL" }

  static func oneLine(_ text: String) -> String {
    text.split(separator: "\n").joined(separator: " ⏎ ")
  }

  public func json() -> JSONValue {
    let tools: [JSONValue] = self.tools.map { tool in
      .object([
        ("tool", .string(tool.status.tool)), ("ok", .bool(tool.ok)),
        ("required", .array(tool.constraints.map(JSONValue.string))),
        ("path", .optional(tool.status.path)),
        (
          "version",
          .optional(tool.status.version.map { $0.map(String.init).joined(separator: ".") })
        ),
        ("needed_by", .array(tool.neededBy.map(JSONValue.string))),
      ])
    }
    let checks: [JSONValue] = self.checks.map { check in
      .object([
        ("task", .string(check.task)), ("ok", .bool(check.ok)),
        ("sh", .string(check.precondition.command)),
        ("message", .string(check.precondition.message)),
        ("source", .location(check.precondition.location)),
      ])
    }
    return .document([
      ("ok", .bool(ok)), ("tools", .array(tools)), ("preconditions", .array(checks)),
    ])
  }
}
