import BlumeopsCore

/// Decides whether a task with `sources` can be skipped: the content hash of its sources and of
/// its definition matches the one recorded at its last success, and its outputs exist.
public struct IncrementalState: Sendable {
  public let root: String

  public init(root: String) {
    self.root = root
  }

  var directory: String { root + "/.blumeops/state" }

  /// The current fingerprint of a task, or nil when it has no `sources`.
  public func fingerprint(_ task: PlannedTask, sources: [String]) -> String? {
    guard !sources.isEmpty else { return nil }
    var hasher = ContentHasher()
    hasher.add(task.label)
    hasher.add(PlanFingerprint.describe(task))
    for pattern in sources {
      for file in Glob.expand(pattern, in: task.directory) {
        hasher.add(file)
        hasher.add(FileSystem.readBytes(task.directory + "/" + file) ?? [])
      }
    }
    return hasher.hex
  }

  public func isUpToDate(_ task: PlannedTask, sources: [String], outputs: [String]) -> Bool {
    guard let current = fingerprint(task, sources: sources),
      let recorded = FileSystem.readBytes(stateFile(task)).map({
        String(decoding: $0, as: UTF8.self)
      }),
      recorded == current
    else { return false }
    return outputs.allSatisfy { !Glob.expand($0, in: task.directory).isEmpty }
  }

  /// Records a success, so an unchanged next run can skip the task.
  public func recordSuccess(_ task: PlannedTask, sources: [String]) {
    guard let current = fingerprint(task, sources: sources) else { return }
    try? FileSystem.makeDirectories(directory)
    try? FileSystem.replaceContents(of: stateFile(task), with: current)
  }

  func stateFile(_ task: PlannedTask) -> String {
    directory + "/" + SafeFileName.make(task.label) + ".hash"
  }
}

/// A stable text for what a task would run, so a changed definition invalidates its state.
enum PlanFingerprint {
  static func describe(_ task: PlannedTask) -> String {
    var parts = [task.directory] + task.environment.map { "\($0.name)=\($0.value)" }
    for step in task.steps {
      switch step.action {
      case .shell(let script): parts.append("sh:" + script)
      case .exec(let argv): parts.append("exec:" + argv.joined(separator: "\u{0}"))
      case .task(let sub): parts.append("task:" + describe(sub))
      case .builtin(let name, let options):
        parts.append(
          "builtin:\(name):"
            + options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
              separator: ","))
      }
    }
    return parts.joined(separator: "\n")
  }
}

/// Two independent 64-bit FNV-1a lanes: cheap, stable across runs and platforms.
struct ContentHasher {
  private var a: UInt64 = 0xcbf2_9ce4_8422_2325
  private var b: UInt64 = 0x84222325_cbf29ce4

  mutating func add(_ text: String) { add(Array(text.utf8)); add([0xFF]) }

  mutating func add(_ bytes: [UInt8]) {
    for byte in bytes {
      a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_0129
    }
    b = (b ^ UInt64(bytes.count)) &* 0x0000_0100_0000_0129
  }

  var hex: String {
    let left = String(a, radix: 16)
    let right = String(b, radix: 16)
    return String(repeating: "0", count: 16 - left.count) + left
      + String(repeating: "0", count: 16 - right.count) + right
  }
}
