import BlumeopsCore
import BlumeopsDocs
import BlumeopsRunner
import Synchronization

/// The native built-ins compiled into blumeops: today, the docs toolkit.
final class Builtins: BuiltinHandler {
  static let names: [String] = DocsToolkit.builtinNames
  var names: [String] { Self.names }

  /// Runs the one command a built-in may need from outside (`git log` for the stale report).
  let launcher: any ProcessLauncher
  /// The doc set being read ahead, when the run's built-ins will all read the same one.
  private let readAhead = Mutex<DocSetLoad?>(nil)

  init(launcher: any ProcessLauncher) {
    self.launcher = launcher
  }

  func prepare(_ names: Set<String>, root: String) {
    let docsNames = names.filter(Self.names.contains)
    guard !docsNames.isEmpty else { return }
    let parts = docsNames.reduce(into: DocParts()) { $0.formUnion(DocParts.read(by: $1)) }
    readAhead.withLock {
      guard $0 == nil else { return }
      let load = DocSetLoad(root: root, parts: parts)
      // Kept until the process exits, which is soon: freeing every doc and link one by one on
      // the way out cost more than the check of a small tree.
      _ = Unmanaged.passRetained(load)
      $0 = load
    }
  }

  func run(_ name: String, options: [String: String], context: BuiltinContext) async -> Int32 {
    let gitLog = DocsToolkit.needsGitLog(name) ? await readGitLog(context) : nil
    return DocsToolkit.run(
      name, options: options, root: context.root, today: DocsDate.today(), gitLog: gitLog,
      color: context.color, preloaded: readAhead.withLock { $0 }, write: context.writeLine,
      writeError: context.writeErrorLine)
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
