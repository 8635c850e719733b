/// `blumeops <task> --help`: the task's own usage, from its args and flags.
public enum TaskUsage {
  public static func text(_ task: TaskDefinition) -> String {
    var usage = "usage: blumeops \(task.name)"
    if !task.flags.isEmpty { usage += " [flags]" }
    for argument in task.arguments {
      let name = "<\(argument.name)>" + (argument.variadic ? "..." : "")
      usage += argument.required ? " \(name)" : " [\(name)]"
    }
    usage += " [-- pass-through...]"
    var lines: [String] = []
    if let description = task.description { lines += [description, ""] }
    lines.append(usage)
    if !task.aliases.isEmpty { lines.append("aliases: " + task.aliases.joined(separator: ", ")) }
    if !task.arguments.isEmpty {
      lines += ["", "arguments:"]
      lines += table(
        task.arguments.map { argument in
          var notes: [String] = []
          if let help = argument.help { notes.append(help) }
          if !argument.choices.isEmpty {
            notes.append("one of: " + argument.choices.joined(separator: ", "))
          }
          if let value = argument.defaultValue { notes.append("default: \(value)") }
          return (
            "<\(argument.name)>" + (argument.variadic ? "..." : ""), notes.joined(separator: "; ")
          )
        })
    }
    if !task.flags.isEmpty {
      lines += ["", "flags:"]
      lines += table(
        task.flags.map { flag in
          var name = flag.short.map { "-\($0), " } ?? "    "
          name +=
            "--\(flag.name)"
            + (flag.kind == .bool ? "" : " <\(flag.kind == .int ? "int" : "value")>")
          var notes: [String] = []
          if let help = flag.help { notes.append(help) }
          if !flag.choices.isEmpty {
            notes.append("one of: " + flag.choices.joined(separator: ", "))
          }
          if let value = flag.defaultValue { notes.append("default: \(value)") }
          if let variable = flag.environment { notes.append("env: \(variable)") }
          return (name, notes.joined(separator: "; "))
        })
    }
    lines += ["", "defined at \(task.location)"]
    return lines.joined(separator: "\n")
  }

  static func table(_ rows: [(String, String)]) -> [String] {
    var table = TextTable([TextTable.Column(), TextTable.Column()], showsHeaders: false)
    for (name, notes) in rows { table.add([name, notes]) }
    return table.lines(style: Style(color: false)).map { "  " + $0 }
  }
}
