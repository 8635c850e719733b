/// Generators of the task files that once crashed or stalled blumeops, kept as regression
/// fixtures: small to store, large when generated.
enum HostileFixtures {
  /// `count` tasks, each running the next through a `task` step.
  static func nestedTaskSteps(_ count: Int) -> String {
    var text = "tasks:\n"
    for index in 0..<count { text += "  t\(index):\n    run:\n      - task: t\(index + 1)\n" }
    return text + "  t\(count): 'true'\n"
  }

  /// `levels` levels of a diamond: each task runs the next one twice through `task` steps.
  static func diamondOfTaskSteps(_ levels: Int) -> String {
    var text = "tasks:\n"
    for index in 0..<levels {
      text += "  d\(index):\n    run:\n      - task: d\(index + 1)\n      - task: d\(index + 1)\n"
    }
    return text + "  d\(levels): 'true'\n"
  }

  /// `levels` levels of a diamond of `depends`: each task depends on the next twice over.
  static func diamondOfDepends(_ levels: Int) -> String {
    var text = "tasks:\n"
    for index in 0..<levels {
      text += "  d\(index): {depends: [a\(index + 1), b\(index + 1)], run: 'true'}\n"
      text += "  a\(index + 1): {depends: [d\(index + 1)], run: 'true'}\n"
      text += "  b\(index + 1): {depends: [d\(index + 1)], run: 'true'}\n"
    }
    return text + "  d\(levels): 'true'\n"
  }

  /// A chain of `count` tasks, each extending the next.
  static func extendsChain(_ count: Int) -> String {
    var text = "tasks:\n"
    for index in 0..<count {
      text += "  e\(index): {extends: e\(index + 1), description: link \(index)}\n"
    }
    return text + "  e\(count): {run: 'true', timeout: 5s}\n"
  }

  /// Flow sequences nested `depth` deep, as the value of a task's `env`.
  static func nestedFlow(_ depth: Int) -> String {
    "tasks:\n  a:\n    run: 'true'\n    env: " + String(repeating: "[", count: depth)
      + String(repeating: "]", count: depth) + "\n"
  }

  /// "Billion laughs": `levels` anchors, each a list of ten aliases of the one before.
  static func aliasBomb(_ levels: Int) -> String {
    var text = "x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...levels {
      text +=
        "x\(level): &x\(level) ["
        + Array(repeating: "*x\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    return text + "tasks:\n  a:\n    run: 'true'\n    aliases: *x\(levels)\n"
  }

  /// A chain of `count` anchors, each a list holding an alias of the one before: a tree as deep
  /// as the file is long, from a file nested one level.
  static func aliasChain(_ count: Int) -> String {
    var text = "y0: &y0 [end]\n"
    for index in 1...count { text += "y\(index): &y\(index) [*y\(index - 1)]\n" }
    return text + "tasks:\n  a: 'true'\n"
  }
}
