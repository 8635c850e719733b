/// `blumeops tasks`: name, aliases and description of each task, aligned.
public enum TaskListing {
  public static func text(_ catalog: TaskCatalog, includeHidden: Bool, color: Bool) -> String {
    let tasks = visible(catalog, includeHidden: includeHidden)
    guard !tasks.isEmpty else { return "no tasks" }
    let names = tasks.map { task in
      task.name + (task.aliases.isEmpty ? "" : " (\(task.aliases.joined(separator: ", ")))")
    }
    var table = TextTable([TextTable.Column(), TextTable.Column()], showsHeaders: false)
    for (task, name) in zip(tasks, names) {
      table.add([TextTable.Cell(name, color: "1"), TextTable.Cell(task.description ?? "")])
    }
    return table.lines(style: Style(color: color)).map { "  " + $0 }.joined(separator: "\n")
  }

  public static func json(_ catalog: TaskCatalog, includeHidden: Bool) -> JSONValue {
    .document([("tasks", .array(visible(catalog, includeHidden: includeHidden).map(summary)))])
  }

  static func summary(_ task: TaskDefinition) -> JSONValue {
    .object([
      ("name", .string(task.name)),
      ("aliases", .array(task.aliases.map(JSONValue.string))),
      ("description", .optional(task.description)),
      ("hidden", .bool(task.hidden)),
      ("source", .location(task.location)),
    ])
  }

  static func visible(_ catalog: TaskCatalog, includeHidden: Bool) -> [TaskDefinition] {
    catalog.tasks.filter { includeHidden || !$0.hidden }.sorted { $0.name < $1.name }
  }
}
