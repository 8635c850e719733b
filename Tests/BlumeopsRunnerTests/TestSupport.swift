import Glibc
import Synchronization

@testable import BlumeopsRunner

/// A fresh directory under /tmp, removed by `remove()`.
struct TemporaryDirectory {
  let path: String

  init() {
    var template = Array("/tmp/blumeops-runner-XXXXXX".utf8CString)
    let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(created != nil, "mkdtemp failed")
    path = String(
      decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  func file(_ name: String) -> String { path + "/" + name }

  func read(_ name: String) -> String? { readFile(file(name)) }

  func write(_ name: String, _ text: String) {
    let fd = open(file(name), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    precondition(fd >= 0)
    _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
    close(fd)
  }

  func remove() {
    _ = system("rm -rf '\(path)'")
  }
}

func readFile(_ path: String) -> String? {
  let fd = open(path, O_RDONLY)
  guard fd >= 0 else { return nil }
  defer { close(fd) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if count <= 0 { break }
    bytes.append(contentsOf: chunk[..<count])
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// True while `pid` is a live process (a zombie does not count: it is dead, awaiting its reaper).
func isAlive(_ pid: pid_t) -> Bool {
  guard kill(pid, 0) == 0 else { return false }
  guard let stat = readFile("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else {
    return true
  }
  let state = stat[stat.index(close, offsetBy: 2)]
  return state != "Z" && state != "X"
}

/// Waits (bounded) until `pid` is gone; death by SIGKILL is asynchronous.
func eventuallyDead(_ pid: pid_t) async -> Bool {
  for _ in 0..<500 {
    if !isAlive(pid) { return true }
    try? await Task.sleep(for: .milliseconds(10))
  }
  return !isAlive(pid)
}

/// The current environment as a dictionary.
func currentEnvironment() -> [String: String] {
  var result: [String: String] = [:]
  var pointer = environ
  while let entry = pointer.pointee {
    let text = String(cString: entry)
    if let equals = text.firstIndex(of: "=") {
      result[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
    pointer += 1
  }
  return result
}

/// Records output batches handed to a launcher callback.
final class LineRecorder: Sendable {
  private let lines = Mutex<[(OutputChannel, String)]>([])

  func record(_ channel: OutputChannel, _ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    var parts = text.split(separator: "\n", omittingEmptySubsequences: false)
    if parts.last == "" { parts.removeLast() }
    lines.withLock { lines in
      for part in parts { lines.append((channel, String(part))) }
    }
  }

  func lines(_ channel: OutputChannel) -> [String] {
    lines.withLock { $0.filter { $0.0 == channel }.map(\.1) }
  }
}

/// A wait that gave up: the condition never held within the limit.
struct WaitTimedOut: Error, CustomStringConvertible {
  let limit: Duration
  var description: String { "the condition did not hold within \(limit)" }
}

/// Polls `condition` until it holds; throws after `limit`, so a hang fails the test instead of
/// stalling the suite. The limit is generous: every test target shares one process, and on a
/// two-core machine the end-to-end tests' blocking waits can hold both cooperative threads for
/// tens of seconds, so that an executor under test gets no thread to start its tasks on.
func waitUntil(
  within limit: Duration = .seconds(120), _ condition: () -> Bool
) async throws {
  let deadline = ContinuousClock.now.advanced(by: limit)
  while !condition() {
    guard ContinuousClock.now < deadline else { throw WaitTimedOut(limit: limit) }
    try await Task.sleep(for: .milliseconds(5))
  }
}
