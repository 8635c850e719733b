import BlumeopsCore

extension RunRecord {
  /// `blumeops history --json`: the runs given, in that order (newest first, as the table).
  public static func historyJSON(_ records: [RunRecord]) -> JSONValue {
    .document([("runs", .array(records.map(\.output)))])
  }

  /// One run as `history --json` shows it.
  var output: JSONValue {
    .object([
      ("id", .string(id)), ("start", .string(WallClock.iso8601(start))),
      ("end", end.map { .string(WallClock.iso8601($0)) } ?? .null),
      ("duration", end.map { .double((($0 - start) * 1000).rounded() / 1000) } ?? .null),
      ("user", .string(user)), ("host", .string(host)), ("commit", .optional(commit)),
      ("command", .string(command)), ("status", .string(status)),
      ("exit_code", exitCode.map { .number(Int($0)) } ?? .null),
      ("tasks", .array(tasks.map(\.output))),
    ])
  }
}

extension RunRecord.TaskOutcome {
  /// The history file says `succeeded`; the output says `ok`, as the run's status and the
  /// summary do, with its exit status 0.
  var output: JSONValue {
    let words = ShellWords.split(label)
    let separator = words.dropFirst().firstIndex(of: "--")
    let arguments = words.dropFirst().prefix(upTo: separator ?? words.endIndex)
    let passThrough = separator.map { words[($0 + 1)...] } ?? []
    let ok = status == "succeeded"
    return .object(
      [
        ("task", .string(words.first ?? label)),
        ("arguments", .array(arguments.map(JSONValue.string))),
        ("pass_through", .array(passThrough.map(JSONValue.string))),
        ("status", .string(ok ? "ok" : status)),
        ("exit_code", exitCode.map { .number(Int($0)) } ?? (ok ? .number(0) : .null)),
        ("attempts", .number(attempts)),
        ("duration", duration.map { .double(($0 * 1000).rounded() / 1000) } ?? .null),
      ] + (preview.map { [("preview", $0.json)] } ?? []))
  }
}
