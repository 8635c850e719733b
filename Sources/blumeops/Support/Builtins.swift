import BlumeopsCore
import BlumeopsDocs
import BlumeopsRunner

/// The native built-ins compiled into blumeops: today, the docs toolkit.
final class Builtins: BuiltinHandler {
  static let names: [String] = DocsToolkit.builtinNames
  var names: [String] { Self.names }

  /// Runs the one command a built-in may need from outside (`git log` for the stale report).
  let launcher: any ProcessLauncher

  init(launcher: any ProcessLauncher) {
    self.launcher = launcher
  }

  func run(_ name: String, options: [String: String], context: BuiltinContext) async -> Int32 {
    let gitLog = DocsToolkit.needsGitLog(name) ? await readGitLog(context) : nil
    // The task's environment says whether it runs in CI, as its processes would see it.
    let annotations =
      AnnotationPaths.wanted(in: context.environment)
      ? AnnotationPaths.locate(projectRoot: context.root) : nil
    do {
      return try DocsToolkit.run(
        name, options: options, root: context.root, today: DocsDate.today(), gitLog: gitLog,
        color: context.color, annotations: annotations, write: context.writeLine)
    } catch {
      let text = ErrorRenderer(color: context.color, annotations: annotations).render(error)
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        context.writeErrorLine(String(line))
      }
      return error.exitCode
    }
  }

  /// The docs history, or nil outside a git checkout or without git; the stale report then says
  /// it has no history rather than failing the run.
  private func readGitLog(_ context: BuiltinContext) async -> String? {
    let output = try? await launcher.capture(
      argv: ["git"] + DocsToolkit.gitLogArguments, directory: context.root,
      environment: context.environment)
    guard let output, output.status.isSuccess else { return nil }
    return output.standardOutput
  }
}
