/// `blumeops tasks`: name, aliases and description of each task, aligned.
public enum TaskListing {
  public static func text(_ catalog: TaskCatalog, includeHidden: Bool, color: Bool) -> String {
    let tasks = visible(catalog, includeHidden: includeHidden)
    guard !tasks.isEmpty else { return "no tasks" }
    let names = tasks.map { task in
      task.name + (task.aliases.isEmpty ? "" : " (\(task.aliases.joined(separator: ", ")))")
    }
    let width = names.map(\.count).max() ?? 0
    return zip(tasks, names).map { task, name in
      let padded = name + String(repeating: " ", count: width - name.count)
      let shown = color ? "\u{1B}[1m\(padded)\u{1B}[0m" : padded
      let description = task.description ?? ""
      return ("  " + shown + (description.isEmpty ? "" : "  " + description))
        .trimmingTrailingSpaces()
    }.joined(separator: "\n")
  }

  public static func json(_ catalog: TaskCatalog, includeHidden: Bool) -> JSONValue {
    .array(visible(catalog, includeHidden: includeHidden).map(summary))
  }

  static func summary(_ task: TaskDefinition) -> JSONValue {
    .object([
      ("name", .string(task.name)),
      ("aliases", .array(task.aliases.map(JSONValue.string))),
      ("description", .optional(task.description)),
      ("hidden", .bool(task.hidden)),
      ("source", .string(task.location.description)),
    ])
  }

  static func visible(_ catalog: TaskCatalog, includeHidden: Bool) -> [TaskDefinition] {
    catalog.tasks.filter { includeHidden || !$0.hidden }.sorted { $0.name < $1.name }
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
