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

  /// Under `CI` (not `false`), `GITHUB_ACTIONS` or `FORGEJO_ACTIONS`: errors, docs findings and
  /// failed tasks are also printed as workflow commands the CI system annotates files with.
  var annotates: Bool { AnnotationPaths.wanted(in: environment) }

  /// Annotation paths for a project at `root`, when annotating.
  func annotationPaths(root: String?) -> AnnotationPaths? {
    guard annotates else { return nil }
    return root.map { AnnotationPaths.locate(projectRoot: $0) } ?? AnnotationPaths()
  }

  /// The one renderer for errors on stderr, with the task files' texts and their project root.
  func renderer(sources: [String: String] = [:], root: String? = nil) -> ErrorRenderer {
    ErrorRenderer(
      sources: sources, color: colorOnStandardError, annotations: annotationPaths(root: root))
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
      throw ReportedErrors(errors: [error], renderer: renderer())
    }
    guard project.errors.isEmpty else {
      throw ReportedErrors(
        errors: project.errors,
        renderer: renderer(sources: project.catalog.sources, root: project.directory.root))
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

  init(
    _ error: BlumeopsError, context: Context, sources: [String: String] = [:], root: String? = nil
  ) {
    self.init(errors: [error], renderer: context.renderer(sources: sources, root: root))
  }

  var exitCode: Int32 { errors.map(\.exitCode).max() ?? 2 }

  func report() -> Int32 {
    var text = renderer.render(errors)
    if errors.count > 1 { text += "\n\nerror: \(errors.count) problems found; nothing ran" }
    Console.error(text)
    return exitCode
  }
}
