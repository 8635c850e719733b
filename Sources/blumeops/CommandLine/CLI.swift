import ArgumentParser
import BlumeopsCore
import BlumeopsRunner

/// Decides what the command line asks for and returns the exit status. Every error is rendered
/// once, here.
struct CLI {
  let arguments: [String]

  /// What `--version` prints.
  static let versionLine = "blumeops \(BlumeopsVersion.current)"

  func run() async -> Int32 {
    // The completion scripts call back with these words, and the manual generator asks for the
    // whole declaration with the last.
    if arguments.first?.hasPrefix("---completion") == true
      || arguments.first == "--experimental-dump-help"
    {
      BlumeopsCommand.main(arguments)
      return 0
    }
    let environment = ProcessEnvironment.current()
    let options: RunnerOptions
    let words: [String]
    do {
      (options, words) = try CommandLineFront.split(arguments)
    } catch {
      return Self.parserFailure(error, of: BlumeopsCommand.self, command: "blumeops")
    }
    let context = Context(options: options, environment: environment, arguments: arguments)
    do throws(ReportedErrors) {
      return try await dispatch(words, context: context)
    } catch {
      return error.report()
    }
  }

  private func dispatch(_ words: [String], context: Context) async throws(ReportedErrors)
    -> Int32
  {
    guard let word = words.first else {
      Console.out(BlumeopsCommand.helpMessage())
      if let project = try? context.loadProject(), project.errors.isEmpty {
        Console.out(
          "\ntasks:\n"
            + TaskListing.text(project.catalog, includeHidden: false, color: context.color))
      }
      return 0
    }
    let rest = Array(words.dropFirst())
    switch word {
    case "--version", "-V":
      Console.out(Self.versionLine)
      return 0
    case "--help", "-h", "help":
      Console.out(BlumeopsCommand.helpMessage())
      return 0
    case _ where word.hasPrefix("-") && word != "--":
      // Not one of the runner options, or it would not be here: the parser says which.
      do {
        _ = try RunnerOptionsDeclaration.parse([word])
      } catch {
        return Self.parserFailure(error, of: RunnerOptionsDeclaration.self, command: "blumeops")
      }
      return 2
    case "tasks" where rest.isEmpty:
      // The listing, the form scripts and prompts call most, without the parser's start-up
      // (see bench/README.md); `tasks list` and every other form go through it.
      return try TasksListCommand.list(context, hidden: false, json: false)
    default:
      if let type = BlumeopsCommand.subcommands[word] {
        return try await subcommand(type, rest, context: context)
      }
      return try await RunFlow(context: context).run([RunFlow.invocation(words[...])])
    }
  }

  /// Parses a subcommand's words with its declaration and runs it against the context.
  private func subcommand(
    _ type: any ParsableCommand.Type, _ words: [String], context: Context
  ) async throws(ReportedErrors) -> Int32 {
    let path = Self.commandPath(type, words)
    let name = path.map { $0._commandName }.joined(separator: " ")
    // Help names the whole command (`blumeops tasks info`); `run`'s words are the tasks' own.
    if type != RunCommand.self, words.prefix(while: { $0 != "--" }).contains(where: Self.isHelp) {
      Console.out(BlumeopsCommand.helpMessage(for: path.last!))
      return 0
    }
    let command: any ParsableCommand
    do {
      command = try type.parseAsRoot(words)
    } catch {
      let parent = path.last!
      if let unknown = Self.unknownSubcommand(parent, Array(words.dropFirst(path.count - 1))) {
        throw ReportedErrors(
          .unknownSubcommand(
            unknown, of: name,
            suggestion: Suggestion.closest(to: unknown, in: Self.subcommandNames(of: parent))),
          context: context)
      }
      return Self.parserFailure(error, of: type, command: name)
    }
    guard let runnable = command as? any ContextCommand else {
      Console.out(BlumeopsCommand.helpMessage(for: path.last!))
      return 0
    }
    return try await runnable.execute(context)
  }

  private static func isHelp(_ word: String) -> Bool { word == "--help" || word == "-h" }

  /// `type`, then each nested subcommand the leading words name (`tasks info` → both).
  private static func commandPath(_ type: any ParsableCommand.Type, _ words: [String])
    -> [any ParsableCommand.Type]
  {
    var path = [type]
    for word in words {
      guard
        let next = path.last!.configuration.subcommands.first(where: { $0._commandName == word })
      else { break }
      path.append(next)
    }
    return path
  }

  /// A word where `type` expects one of its subcommands, that is none of them.
  private static func unknownSubcommand(_ type: any ParsableCommand.Type, _ words: [String])
    -> String?
  {
    let names = subcommandNames(of: type)
    guard let first = words.first, !names.isEmpty, !first.hasPrefix("-"), !names.contains(first)
    else { return nil }
    return first
  }

  private static func subcommandNames(of type: any ParsableCommand.Type) -> [String] {
    type.configuration.subcommands.map { $0._commandName }
  }

  /// Prints help or a usage error as the parser reports it: help on stdout with status 0, an
  /// error through the one renderer with status 2.
  private static func parserFailure(
    _ error: any Error, of type: any ParsableArguments.Type, command: String
  ) -> Int32 {
    if type.exitCode(for: error) == .success {
      Console.out(type.fullMessage(for: error))
      return 0
    }
    // The parser's message, in the renderer's style: lowercase first word.
    var message = type.message(for: error)
    if let first = message.first { message = first.lowercased() + message.dropFirst() }
    return ReportedErrors(
      errors: [.invalidCommandLine(message, command: command)], renderer: ErrorRenderer()
    ).report()
  }
}
