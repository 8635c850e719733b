import BlumeopsCore

extension RunFlow {
  /// `task [args and flags] [-- pass-through]`.
  static func invocation(_ words: ArraySlice<String>) -> Invocation {
    let name = words.first ?? ""
    let tail = words.dropFirst()
    guard let separator = tail.firstIndex(of: "--") else {
      return Invocation(task: name, tokens: Array(tail))
    }
    return Invocation(
      task: name, tokens: Array(tail[..<separator]), passThrough: Array(tail[(separator + 1)...]))
  }

  /// `run a [args] ::: b [args] ...`.
  static func invocations(runWords words: [String]) throws(ReportedErrors) -> [Invocation] {
    let groups = words.split(separator: ":::", omittingEmptySubsequences: false)
    guard !words.isEmpty, groups.allSatisfy({ !$0.isEmpty }) else {
      throw ReportedErrors(
        errors: [.usage("usage: blumeops run <task> [args] [::: <task> [args]]...")],
        renderer: ErrorRenderer())
    }
    return groups.map { invocation($0) }
  }

  /// True when the words after a task name ask for its help (before any `--`).
  static func asksForHelp(_ invocation: Invocation) -> Bool {
    invocation.tokens.contains("--help") || invocation.tokens.contains("-h")
  }
}
