import BlumeopsCore

/// What every command needs: the runner options, the environment and how to present output.
struct Context {
  var options: RunnerOptions
  var environment: [String: String]
  /// The command line as typed, without the program name (for the run history).
  var arguments: [String] = []

  /// `CI` set (and not `false`/`0`): no prompts, no colour, grouped output annotations.
  var isCI: Bool {
    guard let value = environment["CI"], !value.isEmpty else { return false }
    return value != "false" && value != "0"
  }

  /// Colour only on a terminal, never with `NO_COLOR`, `--no-color` or in CI.
  var color: Bool {
    !options.noColor && (environment["NO_COLOR"] ?? "").isEmpty && !isCI
      && environment["TERM"] != "dumb" && Console.isTerminal(1)
  }

  func loadProject() throws(BlumeopsError) -> Project {
    try Project.load(options, environment: environment)
  }

  /// Loads the project and fails with every task file problem when there is any.
  func loadValidProject() throws(ReportedErrors) -> Project {
    let project: Project
    do throws(BlumeopsError) {
      project = try loadProject()
    } catch {
      throw ReportedErrors(errors: [error], renderer: ErrorRenderer(color: colorOnStandardError))
    }
    guard project.errors.isEmpty else {
      throw ReportedErrors(
        errors: project.errors,
        renderer: ErrorRenderer(sources: project.catalog.sources, color: colorOnStandardError))
    }
    return project
  }

  var colorOnStandardError: Bool {
    !options.noColor && (environment["NO_COLOR"] ?? "").isEmpty && !isCI && Console.isTerminal(2)
  }
}

/// Errors already decided, waiting to be rendered once at the top.
struct ReportedErrors: Error {
  var errors: [BlumeopsError]
  var renderer: ErrorRenderer

  init(errors: [BlumeopsError], renderer: ErrorRenderer) {
    self.errors = errors
    self.renderer = renderer
  }

  init(_ error: BlumeopsError, context: Context, sources: [String: String] = [:]) {
    self.init(
      errors: [error],
      renderer: ErrorRenderer(sources: sources, color: context.colorOnStandardError))
  }

  var exitCode: Int32 { errors.map(\.exitCode).max() ?? 2 }

  func report() -> Int32 {
    var text = renderer.render(errors)
    if errors.count > 1 { text += "\n\nerror: \(errors.count) problems found; nothing ran" }
    Console.error(text)
    return exitCode
  }
}
