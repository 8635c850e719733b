import TaskFileMutator
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A sample of the fuzz test's mutants through the built binary, in a copy of the repository's
/// task folder: `tasks validate` and a dry run must end with exit 0 or 2 — never a signal, never
/// a hang — with a located message when validation fails, and within a memory limit.
///
/// The mutants are those of the in-process fuzz test (same seed, every 13th index), so a failure
/// replays there too with `BLUMEOPS_FUZZ_MUTANT=N`.
@Suite struct BinaryFuzzTests {
  static let seed: UInt64 =
    getenv("BLUMEOPS_FUZZ_SEED").flatMap { UInt64(String(cString: $0), radix: 16) } ?? 0x5EED
  static let sample = 100

  /// Under the address sanitizer the binary maps its shadow memory at start, which a data limit
  /// would refuse; elsewhere each run may use at most 1 GiB.
  static var wrapper: [String] {
    let sanitized = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil
    return sanitized ? [] : ["/usr/bin/prlimit", "--data=\(1 << 30)", "--"]
  }

  @Test func aSampleOfMutantsEndsInExitZeroOrTwoThroughTheBinary() throws {
    let folder = Repository.root + "/tasks"
    let names = try #require(Self.taskFiles(in: folder))
    let corpus = names.map { name in
      ("tasks/" + name, Array((Fixture.read(folder + "/" + name) ?? "").utf8))
    }
    let mutator = TaskFileMutator(corpus: corpus, seed: Self.seed)
    let fixture = Fixture([:])
    for (name, bytes) in corpus { Self.write(bytes, to: fixture.root + "/" + name) }
    let wrapper = Self.wrapper
    for index in stride(from: 0, to: Self.sample * 13, by: 13) {
      let mutant = mutator.mutant(index)
      let path = fixture.root + "/" + corpus[mutant.file].0
      Self.write(mutant.bytes, to: path)
      defer { Self.write(corpus[mutant.file].1, to: path) }
      let what =
        "mutant \(index) of seed \(String(Self.seed, radix: 16)) (\(corpus[mutant.file].0): "
        + mutant.mutations.joined(separator: "; ") + ")"
      for arguments in [["tasks", "validate"], ["-n", "ci"]] {
        let run = RunningBinary.start(
          arguments, in: fixture.root, environment: fixture.environment(), stdin: nil,
          wrapper: wrapper
        ).wait(limit: .seconds(60))
        #expect(
          run.status == 0 || run.status == 2,
          "\(what), \(arguments): status \(run.status)\n\(run.stderr.prefix(2_000))")
        if run.status == 2, arguments[0] == "tasks" {
          #expect(run.stderr.contains(" --> tasks/"), "\(what): \(run.stderr.prefix(2_000))")
        }
      }
    }
  }

  static func taskFiles(in folder: String) -> [String]? {
    guard let directory = opendir(folder) else { return nil }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) {
        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasSuffix(".yaml") { names.append(name) }
    }
    return names.sorted()
  }

  /// Writes bytes as they are: a mutant need not be valid UTF-8.
  static func write(_ bytes: [UInt8], to path: String) {
    Fixture.makeDirectories(String(path[..<path.lastIndex(of: "/")!]))
    guard let file = fopen(path, "we") else { return }
    defer { fclose(file) }
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
  }
}
