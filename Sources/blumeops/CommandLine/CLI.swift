import ArgumentParser
import BlumeopsCore
import BlumeopsRunner
import Glibc

/// Decides what the command line asks for and returns the exit status. Every error is rendered
/// once, here.
struct CLI {
  let arguments: [String]

  /// What `--version` prints.
  static let versionLine = "blumeops \(BlumeopsVersion.current)"

  func run() async -> Int32 {
    if arguments.first?.hasPrefix("---completion") == true
      || arguments.contains("--generate-completion-script")
    {
      RootCommand.main(arguments)
      return 0
    }
    let environment = ProcessEnvironment.current()
    let options: RunnerOptions
    let rest: ArraySlice<String>
    do {
      (options, rest) = try RunnerOptions.parse(arguments)
    } catch {
      return ReportedErrors(errors: [error], renderer: ErrorRenderer()).report()
    }
    let context = Context(options: options, environment: environment, arguments: arguments)
    do throws(ReportedErrors) {
      return try await dispatch(rest, context: context)
    } catch {
      return error.report()
    }
  }

  private func dispatch(_ words: ArraySlice<String>, context: Context) async throws(ReportedErrors)
    -> Int32
  {
    guard let word = words.first else {
      Console.out(GeneralHelp.text)
      if let project = try? context.loadProject(), project.errors.isEmpty {
        Console.out(
          "\ntasks:\n"
            + TaskListing.text(project.catalog, includeHidden: false, color: context.color))
      }
      return 0
    }
    let tail = Array(words.dropFirst())
    switch word {
    case "--version", "-V":
      Console.out(Self.versionLine)
      return 0
    case "--help", "-h", "help":
      Console.out(GeneralHelp.text)
      return 0
    case "tasks":
      // The listing, the most typed form and the one scripts call, skips the argument parser,
      // whose reflection costs more than loading and listing the tasks.
      if let listing = TasksListCommand.plainRequest(tail) {
        return try TasksListCommand.list(context, hidden: listing.hidden, json: listing.json)
      }
      return try subcommand(TasksCommand.self, tail, context: context)
    case "completion":
      guard let shell = tail.first, ["bash", "zsh", "fish"].contains(shell), tail.count == 1 else {
        throw ReportedErrors(.usage("usage: blumeops completion bash|zsh|fish"), context: context)
      }
      RootCommand.main(["--generate-completion-script", shell])
      return 0
    case "run":
      return try await RunFlow(context: context).run(try RunFlow.invocations(runWords: tail))
    case "doctor":
      return try await DoctorFlow(context: context).run(tail)
    case "history":
      return try HistoryFlow(context: context).history(tail)
    case "logs":
      return try HistoryFlow(context: context).logs(tail)
    default:
      return try await RunFlow(context: context).run([RunFlow.invocation(words)])
    }
  }

  /// Parses an argument-parser subcommand and runs it against the context.
  private func subcommand(_ type: any ParsableCommand.Type, _ words: [String], context: Context)
    throws(ReportedErrors) -> Int32
  {
    do {
      let command = try type.parseAsRoot(words)
      guard let runnable = command as? any ContextCommand else {
        Console.out(type.helpMessage())
        return 0
      }
      return try runnable.execute(context)
    } catch let error as ReportedErrors {
      throw error
    } catch {
      let code = type.exitCode(for: error)
      let message = type.fullMessage(for: error)
      if code == .success {
        Console.out(message)
        return 0
      }
      Console.error(message)
      return 2
    }
  }
}
