/// `blumeops tasks validate --json`: whether the task files are valid, and every problem found.
public enum ValidationReport {
  public static func json(tasks: Int, errors: [BlumeopsError], warnings: [BlumeopsError])
    -> JSONValue
  {
    .document([
      ("valid", .bool(errors.isEmpty)), ("tasks", .number(tasks)),
      (
        "problems",
        .array(
          errors.map { problem($0, severity: "error") }
            + warnings.map { problem($0, severity: "warning") })
      ),
    ])
  }

  static func problem(_ error: BlumeopsError, severity: String) -> JSONValue {
    .object([
      ("severity", .string(severity)), ("message", .string(error.message)),
      ("location", .location(error.location)), ("notes", .array(error.notes.map(JSONValue.string))),
      ("help", .optional(error.help)),
    ])
  }
}
