import Foundation
import Synchronization
import TaskFileMutator
import Testing

@testable import BlumeopsCore

/// A few thousand hostile variants of the repository's own task files, through the loader, the
/// validator, the planner and the renderers, in this process: each ends in a plan or in errors
/// that all have a location, never in a crash or a hang.
///
/// `BLUMEOPS_FUZZ_SEED` and `BLUMEOPS_FUZZ_MUTANTS` change the run; `BLUMEOPS_FUZZ_MUTANT=N`
/// replays one mutant (its failure message and any crash print the seed and the index), and
/// `BLUMEOPS_FUZZ_DUMP=DIR` writes each mutant tried there.
@Suite struct TaskFileFuzzTests {
  static let environment = ProcessInfo.processInfo.environment
  static let seed = environment["BLUMEOPS_FUZZ_SEED"].flatMap { UInt64($0, radix: 16) } ?? 0x5EED
  static let count = environment["BLUMEOPS_FUZZ_MUTANTS"].flatMap { Int($0) } ?? 2_000
  static let builtins = [
    "docs-check-links", "docs-check-index", "docs-check-filenames", "docs-check-frontmatter",
    "docs-check", "docs-review", "docs-review-stale", "docs-review-tags",
  ]

  /// `tasks/*.yaml` of this repository, in file-name order.
  static func corpus() throws -> [(name: String, bytes: [UInt8])] {
    var root = #filePath
    for _ in 0..<3 { root = String(root[..<root.lastIndex(of: "/")!]) }
    let folder = root + "/tasks"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    return try names.map { name in
      let data = try #require(FileManager.default.contents(atPath: folder + "/" + name))
      return ("tasks/" + name, [UInt8](data))
    }
  }

  /// Tracks the mutant being tried, for the watchdog.
  final class Progress: Sendable {
    let index = Atomic<Int>(-1)
    let finished = Atomic<Bool>(false)
    let failures = Mutex<[String]>([])
    let current = Mutex<String>("")
  }

  @Test func everyMutantIsPlannedOrRefusedWithLocatedErrors() throws {
    let mutator = TaskFileMutator(corpus: try Self.corpus(), seed: Self.seed)
    let indices =
      Self.environment["BLUMEOPS_FUZZ_MUTANT"].flatMap { Int($0) }.map { [$0] }
      ?? Array(0..<Self.count)
    let replay = "BLUMEOPS_FUZZ_SEED=\(String(Self.seed, radix: 16)) BLUMEOPS_FUZZ_MUTANT="
    let progress = Progress()
    let highWaterBefore = Self.peakResidentKilobytes()
    // On its own thread, with a large stack like the binary's main thread's, so that a hang can
    // be seen from here.
    let worker = Thread {
      CrashNote.install()
      for index in indices {
        progress.index.store(index, ordering: .relaxed)
        let mutant = mutator.mutant(index)
        progress.current.withLock {
          $0 = "\(mutator.corpus[mutant.file].name): \(mutant.mutations.joined(separator: "; "))"
        }
        if let folder = Self.environment["BLUMEOPS_FUZZ_DUMP"] {
          _ = FileManager.default.createFile(
            atPath: folder + "/mutant-\(index).yaml", contents: Data(mutant.bytes))
        }
        CrashNote.set("fuzz: crashed on mutant \(index): replay with \(replay)\(index)")
        if let problem = Self.exercise(mutant, mutator.corpus) {
          progress.failures.withLock {
            $0.append("mutant \(index) (\(mutant.mutations.joined(separator: "; "))): \(problem)")
          }
        }
      }
      CrashNote.clear()
      CrashNote.uninstallStack()
      progress.finished.store(true, ordering: .releasing)
    }
    worker.stackSize = 8 << 20
    worker.start()
    // A hang fails the test: no mutant may take a minute.
    var last = -2
    var lastChange = ContinuousClock.now
    while !progress.finished.load(ordering: .acquiring) {
      Thread.sleep(forTimeInterval: 0.05)
      let current = progress.index.load(ordering: .relaxed)
      if current != last {
        last = current
        lastChange = .now
      } else if ContinuousClock.now - lastChange > .seconds(60) {
        let what = progress.current.withLock { $0 }
        Issue.record(
          "fuzz: mutant \(current) (\(what)) still running after 60 s: replay with \(replay)\(current)"
        )
        return
      }
    }
    for failure in progress.failures.withLock({ $0 }) {
      Issue.record("fuzz (seed \(String(Self.seed, radix: 16))): \(failure)")
    }
    let growth = Self.peakResidentKilobytes() - highWaterBefore
    #expect(growth < 1 << 20, "fuzz: peak memory grew by \(growth) kB")
  }

  /// Loads, validates and plans one mutant with the rest of the corpus; describes a failure.
  static func exercise(
    _ mutant: TaskFileMutator.Mutant, _ corpus: [(name: String, bytes: [UInt8])]
  ) -> String? {
    var files = corpus.map {
      TaskSourceFile(path: $0.name, text: String(decoding: $0.bytes, as: UTF8.self), kind: .yaml)
    }
    files[mutant.file].text = String(decoding: mutant.bytes, as: UTF8.self)
    let (catalog, errors) = TaskLoader.load(files, root: "/project", builtins: builtins)
    if let unlocated = errors.first(where: { $0.location == nil || $0.exitCode != 2 }) {
      return "error without a location: \(unlocated.message)"
    }
    _ = ErrorRenderer(sources: catalog.sources).render(errors)
    guard errors.isEmpty else { return nil }
    for task in catalog.tasks {
      var planner = Planner(catalog: catalog, root: "/project", environment: [:])
      do {
        let plan = try planner.plan([Invocation(task: task.name)])
        _ = PlanDescription(plan: plan, catalog: catalog).text()
        _ = TaskInfo.text(task)
        _ = TaskInfo.json(task).serialized(indent: 2)
        _ = PlanDescription(plan: plan, catalog: catalog).json().serialized(indent: 2)
      } catch {
        if error.exitCode != 2 { return "planning `\(task.name)`: \(error.message)" }
      }
    }
    _ = DependencyGraph(catalog: catalog, roots: []).tree()
    return nil
  }

  /// VmHWM of this process, in kB.
  static func peakResidentKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return 0 }
    return Int(line.split(separator: " ")[1]) ?? 0
  }
}
