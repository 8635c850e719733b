@testable import BlumeopsCore

/// Loads task files given as (path, text) pairs, as the CLI would from disk.
func load(_ files: [(String, String)], builtins: [String] = ["docs-check"]) -> (
  catalog: TaskCatalog, errors: [BlumeopsError]
) {
  TaskLoader.load(
    files.map { TaskSourceFile(path: $0.0, text: $0.1, kind: .yaml) }, root: "/project",
    builtins: builtins)
}

func load(_ text: String) -> (catalog: TaskCatalog, errors: [BlumeopsError]) {
  load([("tasks/main.yaml", text)])
}

/// The rendered errors, exactly as the user sees them (no colour).
func rendered(_ text: String) -> String {
  let (catalog, errors) = load(text)
  return ErrorRenderer(sources: catalog.sources).render(errors)
}

func plan(_ text: String, _ invocations: [Invocation], environment: [String: String] = [:]) throws
  -> Plan
{
  let (catalog, errors) = load(text)
  precondition(errors.isEmpty, "\(errors)")
  var planner = Planner(catalog: catalog, root: "/project", environment: environment)
  return try planner.plan(invocations)
}
