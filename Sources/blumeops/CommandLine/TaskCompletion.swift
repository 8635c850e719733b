import BlumeopsCore
import BlumeopsRunner

/// Shell completion that needs the project: task names, and a task's own flags and choices.
/// The completion scripts ask blumeops itself (argument-parser's custom completion) with the
/// words typed so far, so `-C DIR` and `--tasks-dir DIR` typed earlier on the line are honoured.
enum TaskCompletion {
  /// Task names, for an argument that names a task (`tasks info`, `doctor`, `logs RUN TASK`).
  static func taskNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    guard let project = project(for: words) else { return [] }
    return visibleNames(project.catalog)
  }

  /// The words of `blumeops [options] <task> [its args and flags]`: the task name in the first
  /// place, then what that task accepts at the place being completed.
  static func taskWords(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    guard let project = project(for: words) else { return [] }
    let typed = taskWordsBefore(words, index)
    guard let name = typed.first, let task = project.catalog.task(named: name) else {
      return visibleNames(project.catalog)
    }
    return accepted(by: task, after: Array(typed.dropFirst()))
  }

  /// The words of `blumeops run <task> [args] [::: <task> [args]]...`.
  static func runWords(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    guard let project = project(for: words) else { return [] }
    let typed = taskWordsBefore(words, index)
    let group = typed.split(separator: ":::", omittingEmptySubsequences: false).last ?? []
    guard let name = group.first, let task = project.catalog.task(named: name) else {
      return visibleNames(project.catalog)
    }
    return accepted(by: task, after: Array(group.dropFirst())) + [":::"]
  }

  /// What a task accepts after `typed`: the choices of a flag waiting for its value, else its
  /// flags and the choices of its next positional argument. Nothing after `--`.
  static func accepted(by task: TaskDefinition, after typed: [String]) -> [String] {
    guard !typed.contains("--") else { return [] }
    if let last = typed.last, let flag = flag(named: last, of: task), flag.kind != .bool {
      return flag.choices
    }
    var flags: [String] = []
    for flag in task.flags {
      flags.append("--" + flag.name)
      if let short = flag.short { flags.append("-" + String(short)) }
    }
    var positional = 0
    var index = 0
    while index < typed.count {
      if let flag = flag(named: typed[index], of: task) {
        index += flag.kind == .bool || typed[index].contains("=") ? 1 : 2
      } else {
        positional += 1
        index += 1
      }
    }
    let next =
      task.arguments.indices.contains(positional)
      ? task.arguments[positional] : task.arguments.last.flatMap { $0.variadic ? $0 : nil }
    return flags + (next?.choices ?? [])
  }

  private static func flag(named word: String, of task: TaskDefinition) -> FlagSpec? {
    let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
    return task.flags.first { "--" + $0.name == name || $0.short.map { "-" + String($0) } == name }
  }

  /// The words from the task name up to the one being completed, past the runner options.
  private static func taskWordsBefore(_ words: [String], _ index: Int) -> [String] {
    let before = Array(commandWords(words).prefix(max(0, index - programOffset(words))))
    var rest = (try? CommandLineFront.split(before))?.1 ?? []
    if rest.first == "run" { rest.removeFirst() }
    return rest
  }

  private static func project(for words: [String]) -> Project? {
    let options = (try? CommandLineFront.split(commandWords(words)))?.0 ?? RunnerOptions()
    return try? Project.load(options, environment: ProcessEnvironment.current())
  }

  private static func visibleNames(_ catalog: TaskCatalog) -> [String] {
    catalog.tasks.filter { !$0.hidden }.flatMap(\.names).sorted()
  }

  /// The words as typed, without the program name the shells put first.
  private static func commandWords(_ words: [String]) -> [String] {
    Array(words.dropFirst(programOffset(words)))
  }

  private static func programOffset(_ words: [String]) -> Int {
    guard let first = words.first else { return 0 }
    return first == "blumeops" || first.hasSuffix("/blumeops") ? 1 : 0
  }
}
