import BlumeopsCore
import BlumeopsRunner
import Glibc
import SystemPackage

/// Every confirmation of a run. A plain task's is asked before anything starts; a gated task's
/// (one with a `preview`) after its preview, by `TerminalGate`. Whether each can be answered at
/// all — a terminal, `--yes` for yes/no, `--confirm WORD` for a typed word — is settled before
/// anything starts, so that a run refused for want of an answer has run nothing.
struct Confirmer {
  let context: Context

  /// A task that asks, and whether it asks after a preview.
  struct Request {
    var task: String
    var confirmation: Confirmation?
    var gated: Bool
  }

  /// The tasks of the plan that ask, each once, in plan order.
  static func requests(_ plan: Plan, catalog: TaskCatalog) -> [Request] {
    var seen: Set<String> = []
    var result: [Request] = []
    func visit(_ task: PlannedTask) {
      let confirmation = task.gate?.confirmation ?? catalog.task(named: task.name)?.confirm
      if confirmation != nil || task.gate != nil, seen.insert(task.label).inserted {
        result.append(
          Request(task: task.label, confirmation: confirmation, gated: task.gate != nil))
      }
      for step in task.steps { if case .task(let sub) = step.action { visit(sub) } }
    }
    plan.nodes.forEach { visit($0.task) }
    return result
  }

  /// Whether a person can be asked: a terminal, outside CI.
  var canAsk: Bool { !context.isCI && Console.isTerminal(0) }

  /// Refuses, before anything starts, what could not be answered; then asks the plain tasks.
  func confirm(_ requests: [Request]) throws(ReportedErrors) {
    let options = context.options
    for request in requests {
      if let word = request.confirmation?.expect {
        if let given = options.confirmWord {
          guard given == word else { throw refusal(.confirmationWordWrong(task: request.task)) }
        } else if options.yes || !canAsk {
          throw refusal(.typedWordRequired(task: request.task, yesGiven: options.yes))
        }
      } else if !options.yes, !canAsk, !(options.previewOnly && request.gated) {
        throw refusal(.confirmationImpossible(task: request.task))
      }
    }
    for request in requests where !request.gated {
      guard let confirmation = request.confirmation else { continue }
      if let word = confirmation.expect {
        if options.confirmWord == word { continue }
        Console.write("? \(confirmation.message)\n  type `\(word)` to confirm: ", to: 2)
        guard Prompt.readLine(isStopped: { false })?.trimmingCharacters() == word else {
          throw refusal(.confirmationRefused(task: request.task))
        }
      } else if !options.yes {
        Console.write("? \(confirmation.message) [y/N] ", to: 2)
        guard Prompt.isYes(Prompt.readLine(isStopped: { false })) else {
          throw refusal(.confirmationRefused(task: request.task))
        }
      }
    }
  }

  private func refusal(_ error: BlumeopsError) -> ReportedErrors {
    ReportedErrors(error, context: context)
  }
}

/// Asks, after a gated task's preview, whether to apply it; the answer may have been given
/// ahead with `--yes` or `--confirm WORD` (checked by `Confirmer` before the run).
struct TerminalGate: ApplyGate {
  let yes: Bool
  let word: String?

  func approve(
    task: String, summary: String?, confirmation: Confirmation?,
    isStopped: @escaping @Sendable () -> Bool
  ) async -> Approval? {
    let change = summary.map { "  the preview says: \($0)\n" } ?? "  see the preview above\n"
    let question = confirmation?.message ?? "Apply the change of `\(task)`?"
    if let expect = confirmation?.expect {
      if let word { return word == expect ? .confirmOption : nil }
      Console.write("? \(question)\n\(change)  type `\(expect)` to apply: ", to: 2)
      let answer = await Prompt.readLine(waiting: isStopped)
      return answer?.trimmingCharacters() == expect ? .typed : nil
    }
    if yes { return .yesOption }
    Console.write("? \(question)\n\(change)  apply? [y/N] ", to: 2)
    return Prompt.isYes(await Prompt.readLine(waiting: isStopped)) ? .answered : nil
  }
}

/// One line typed at the terminal.
enum Prompt {
  static func isYes(_ answer: String?) -> Bool {
    guard let answer = answer?.trimmingCharacters().lowercased() else { return false }
    return answer == "y" || answer == "yes"
  }

  /// Reads a line from standard input, giving up (nil) at its end or once `isStopped`.
  static func readLine(isStopped: () -> Bool) -> String? {
    var line: [UInt8] = []
    while !isStopped() {
      switch nextByte(waitingMilliseconds: 100) {
      case .byte(UInt8(ascii: "\n")): return String(decoding: line, as: UTF8.self)
      case .byte(let byte): line.append(byte)
      case .notYet: continue
      case .end: return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
      }
    }
    return nil
  }

  /// The same, in a run: waits between looks instead of holding a thread the run needs.
  static func readLine(waiting isStopped: @escaping @Sendable () -> Bool) async -> String? {
    var line: [UInt8] = []
    while !isStopped() {
      switch nextByte(waitingMilliseconds: 0) {
      case .byte(UInt8(ascii: "\n")): return String(decoding: line, as: UTF8.self)
      case .byte(let byte): line.append(byte)
      case .notYet: try? await Task.sleep(for: .milliseconds(50))
      case .end: return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
      }
    }
    return nil
  }

  private enum Next {
    case byte(UInt8)
    case notYet
    case end
  }

  private static func nextByte(waitingMilliseconds: Int32) -> Next {
    var poller = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    guard poll(&poller, 1, waitingMilliseconds) > 0 else { return .notYet }
    let read = Result { () throws(Errno) in try FileDescriptor.standardInput.readOnce(upTo: 1) }
    switch read {
    case .success(let bytes): return bytes.first.map(Next.byte) ?? .end
    case .failure(.resourceTemporarilyUnavailable): return .notYet
    case .failure: return .end
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
