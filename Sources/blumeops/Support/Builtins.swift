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
  /// Docs read on a guess, before the plan says whether the run may use them.
  private let guessed = Mutex<DocSetLoad?>(nil)

  init(launcher: any ProcessLauncher) {
    self.launcher = launcher
  }

  /// Starts reading the docs a lone task named like a built-in would read, before the project
  /// is even loaded: such a task is nearly always that built-in. Nothing uses what is read until
  /// `prepare` confirms it; `dropGuess` stops it.
  func guess(task name: String, root: String) {
    guard Self.names.contains(name) else { return }
    let load = Self.startLoad(root: root, parts: DocParts.read(by: name))
    guessed.withLock { $0 = load }
  }

  func prepare(_ names: Set<String>, root: String) {
    let docsNames = names.filter(Self.names.contains)
    let parts = docsNames.reduce(into: DocParts()) { $0.formUnion(DocParts.read(by: $1)) }
    let guess = guessed.withLock { $0.take() }
    guard !docsNames.isEmpty else {
      guess?.cancel()
      return
    }
    readAhead.withLock {
      guard $0 == nil else {
        guess?.cancel()
        return
      }
      if let guess, guess.root == root, guess.parts.isSuperset(of: parts) {
        $0 = guess
      } else {
        guess?.cancel()
        $0 = Self.startLoad(root: root, parts: parts)
      }
    }
  }

  /// Stops reading the guessed docs: the run was not one the guess fits.
  func dropGuess() {
    guessed.withLock { $0.take() }?.cancel()
  }

  private static func startLoad(root: String, parts: DocParts) -> DocSetLoad {
    let load = DocSetLoad(root: root, parts: parts)
    // Kept until the process exits, which is soon: freeing every doc and link one by one on the
    // way out cost more than the check of a small tree.
    _ = Unmanaged.passRetained(load)
    return load
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
