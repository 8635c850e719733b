import BlumeopsCore

/// One run in `.blumeops/history.jsonl`. A run writes a `start` line when it begins and an `end`
/// line when it finishes; a start with no end reads as interrupted.
public struct RunRecord: Sendable {
  public struct TaskOutcome: Sendable {
    public var label: String
    public var status: String
    public var exitCode: Int32?
    public var attempts: Int
    public var duration: Double?
    /// For a gated task: the preview's summary, the plan's digest, the approval, the apply.
    public var preview: PreviewRecord?
    /// Seconds from the run's start to the task's, when it started (for the timeline).
    public var start: Double?
    /// The tasks it waited for (its dependencies, or the task a post task follows), as indices
    /// into the run's tasks.
    public var needs: [Int]

    public init(
      label: String, status: String, exitCode: Int32?, attempts: Int, duration: Double?,
      preview: PreviewRecord? = nil, start: Double? = nil, needs: [Int] = []
    ) {
      self.label = label
      self.status = status
      self.exitCode = exitCode
      self.attempts = attempts
      self.duration = duration
      self.preview = preview
      self.start = start
      self.needs = needs
    }
  }

  public var id: String
  public var start: Double
  public var end: Double?
  public var user: String
  public var host: String
  public var commit: String?
  /// The command line, secrets already masked.
  public var command: String
  public var pid: Int32
  /// `ok`, `failed`, `interrupted`, or `running` until the end line is read.
  public var status: String
  public var exitCode: Int32?
  public var tasks: [TaskOutcome]

  public init(
    id: String, start: Double, user: String, host: String, commit: String?, command: String,
    pid: Int32
  ) {
    self.id = id
    self.start = start
    self.user = user
    self.host = host
    self.commit = commit
    self.command = command
    self.pid = pid
    status = "running"
    tasks = []
  }

  func startLine() -> String {
    JSONValue.object([
      ("event", .string("start")), ("id", .string(id)),
      ("start", .string(WallClock.iso8601(start))),
      ("user", .string(user)), ("host", .string(host)), ("commit", .optional(commit)),
      ("command", .string(command)), ("pid", .number(Int(pid))),
    ]).serialized() + "\n"
  }

  func endLine() -> String {
    JSONValue.object([
      ("event", .string("end")), ("id", .string(id)),
      ("end", .string(WallClock.iso8601(end ?? start))),
      ("status", .string(status)), ("exit_code", exitCode.map { .number(Int($0)) } ?? .null),
      ("tasks", .array(tasks.map(\.json))),
    ]).serialized() + "\n"
  }
}

extension RunRecord.TaskOutcome {
  /// One task of a run, as the history file writes it (durations to the millisecond).
  var json: JSONValue {
    .object(
      [
        ("task", .string(label)), ("status", .string(status)),
        ("exit_code", exitCode.map { .number(Int($0)) } ?? .null),
        ("attempts", .number(attempts)),
        ("duration", duration.map { .double(($0 * 1000).rounded() / 1000) } ?? .null),
        ("start", start.map { .double(($0 * 1000).rounded() / 1000) } ?? .null),
        ("needs", .array(needs.map { .number($0) })),
      ] + (preview.map { [("preview", $0.json)] } ?? []))
  }
}

extension PreviewRecord {
  var json: JSONValue {
    .object([
      ("summary", .optional(summary)), ("plan_sha256", .optional(digest)),
      ("confirmed", .optional(approval?.rawValue)), ("applied", .bool(applied)),
    ])
  }

  /// The record read back from the history file.
  init?(_ node: YAMLNode?) {
    guard let node, node.mapping != nil else { return nil }
    self.init(
      summary: node["summary"].flatMap { $0.isNull ? nil : $0.scalar },
      digest: node["plan_sha256"].flatMap { $0.isNull ? nil : $0.scalar },
      approval: node["confirmed"]?.scalar.flatMap(Approval.init(rawValue:)),
      applied: node["applied"]?.scalar == "true")
  }

  /// `+ 2 to create; plan 3f2a9c1b0d4e; confirmed by typing; applied`.
  public var description: String {
    var parts = [summary ?? "no summary in the preview"]
    if let digest { parts.append("plan " + String(digest.prefix(12))) }
    switch approval {
    case .typed: parts.append("confirmed by typing")
    case .answered: parts.append("confirmed at the prompt")
    case .yesOption: parts.append("confirmed with --yes")
    case .confirmOption: parts.append("confirmed with --confirm")
    case nil: parts.append("not confirmed")
    }
    parts.append(applied ? "applied" : "not applied")
    return parts.joined(separator: "; ")
  }
}
