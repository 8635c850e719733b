import BlumeopsCore

/// Asks every confirmation of a run before anything starts.
struct Confirmer {
  let context: Context

  /// The tasks of the plan that ask, each once, in plan order.
  static func requests(_ plan: Plan, catalog: TaskCatalog) -> [(
    task: String, confirmation: Confirmation
  )] {
    var seen: Set<String> = []
    var result: [(String, Confirmation)] = []
    func visit(_ task: PlannedTask) {
      if let confirmation = catalog.task(named: task.name)?.confirm,
        seen.insert(task.label).inserted
      {
        result.append((task.label, confirmation))
      }
      for step in task.steps { if case .task(let sub) = step.action { visit(sub) } }
    }
    plan.nodes.forEach { visit($0.task) }
    return result
  }

  func confirm(_ requests: [(task: String, confirmation: Confirmation)]) throws(ReportedErrors) {
    // Ctrl-C at a prompt ends blumeops at once: no run is under way to take it (`Interrupts`).
    guard !requests.isEmpty, !context.options.yes else { return }
    guard !context.isCI, Console.isTerminal(0) else {
      throw ReportedErrors(.confirmationImpossible(task: requests[0].task), context: context)
    }
    for (task, confirmation) in requests {
      if let word = confirmation.expect {
        Console.write("? \(confirmation.message)\n  type `\(word)` to confirm: ", to: 2)
        guard readLine()?.trimmingCharacters() == word else {
          throw ReportedErrors(.confirmationRefused(task: task), context: context)
        }
      } else {
        Console.write("? \(confirmation.message) [y/N] ", to: 2)
        guard let answer = readLine()?.trimmingCharacters().lowercased(),
          ["y", "yes"].contains(answer)
        else {
          throw ReportedErrors(.confirmationRefused(task: task), context: context)
        }
      }
    }
  }
}

extension String {
  func trimmingCharacters() -> String {
    var slice = Substring(self)
    while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
    while slice.last?.isWhitespace == true { slice = slice.dropLast() }
    return String(slice)
  }
}
