/// A shell example of the handbook marked runnable: a fenced block whose info string is
/// `sh runnable`. Lines starting with `$ ` are commands, each followed by the lines of output the
/// card shows for it (and `[exit N]` when it does not exit 0); in a block without `$ `, each line
/// is a command that must exit 0.
struct RunnableExample {
  struct Command {
    var line: String
    var expected: [String] = []
    var status: Int32 = 0
  }

  let path: String
  /// The line of the opening fence, counted from 1.
  let line: Int
  var commands: [Command] = []

  /// The runnable examples of one card.
  static func examples(in text: String, path: String) -> [RunnableExample] {
    var examples: [RunnableExample] = []
    var current: RunnableExample?
    var body: [String] = []
    var fence: String?
    var indent = 0
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = String(raw)
      let trimmed = line.drop { $0 == " " }
      if let open = fence {
        guard trimmed.hasPrefix(open), trimmed.allSatisfy({ $0 == open.first }) else {
          // A fence indented in a list item: its lines are indented as much.
          body.append(String(line.dropFirst(min(indent, line.prefix { $0 == " " }.count))))
          continue
        }
        fence = nil
        if var example = current {
          example.commands = commands(body)
          examples.append(example)
        }
        current = nil
        body = []
      } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        let marker = String(trimmed.prefix { $0 == trimmed.first })
        fence = marker
        indent = line.count - trimmed.count
        let info = trimmed.dropFirst(marker.count).split(separator: " ")
        if info == ["sh", "runnable"] { current = RunnableExample(path: path, line: index + 1) }
      }
    }
    return examples
  }

  static func commands(_ body: [String]) -> [Command] {
    guard body.contains(where: { $0.hasPrefix("$ ") }) else {
      return body.filter { !$0.isEmpty && !$0.hasPrefix("#") }.map { Command(line: $0) }
    }
    var commands: [Command] = []
    for line in body {
      if line.hasPrefix("$ ") {
        commands.append(Command(line: String(line.dropFirst(2))))
      } else if !commands.isEmpty {
        if line.hasPrefix("[exit "), line.hasSuffix("]"),
          let status = Int32(line.dropFirst(6).dropLast())
        {
          commands[commands.count - 1].status = status
        } else if !line.isEmpty {
          commands[commands.count - 1].expected.append(line)
        }
      }
    }
    return commands
  }

  /// The expected lines missing from `output`: each must be one of its lines (trailing blanks
  /// aside), in the order shown.
  static func missing(_ expected: [String], in output: String) -> [String] {
    var lines = output.split(separator: "\n").map { $0.trimmingSuffix(while: { $0 == " " }) }[...]
    var missing: [String] = []
    for wanted in expected {
      let wanted = Substring(wanted).trimmingSuffix(while: { $0 == " " })
      if let index = lines.firstIndex(of: wanted) {
        lines = lines[(index + 1)...]
      } else {
        missing.append(String(wanted))
      }
    }
    return missing
  }
}

extension Substring {
  fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
    var end = endIndex
    while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
    return self[startIndex..<end]
  }
}
