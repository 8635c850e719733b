import BlumeopsCore
import Glibc

/// An exclusive `flock` on `<root>/.blumeops/locks/<name>.lock`, held while a task runs.
///
/// The lock belongs to the open file, and every process of the task inherits a descriptor of it
/// (`LaunchRequest.keptDescriptors`): so it is held while blumeops or any process of the task
/// lives — a `kill -9` of blumeops does not free it under a task still running — and the kernel
/// releases it when the last of them ends, however they end, so no stale lock is left. The file
/// holds who has it, for the message of whoever waits.
struct TaskLock: Sendable {
  enum Failure: Error, Equatable {
    /// Held elsewhere and the caller would not wait; carries the holder's description.
    case busy(holder: String)
    /// A stop was requested while waiting.
    case stopped
    case unavailable(reason: String)
  }

  let name: String
  /// The locked file, for the task's processes to keep.
  let descriptor: Int32

  /// Takes the lock, waiting (and saying so once, through `waiting`) while another holds it.
  static func acquire(
    _ name: String, root: String, holder label: String, wait: Bool, control: ProcessControl,
    waiting: (String) -> Void
  ) async -> Result<TaskLock, Failure> {
    let directory = root + "/.blumeops/locks"
    try? FileSystem.makeDirectories(directory)
    let path = directory + "/" + SafeFileName.make(name) + ".lock"
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      return .failure(
        .unavailable(reason: "cannot open \(path): \(String(cString: strerror(errno)))"))
    }
    var announced = false
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR else {
        _ = close(fd)
        return .failure(.unavailable(reason: "cannot lock \(path)"))
      }
      if errno == EINTR { continue }
      let holder = describeHolder(fd)
      guard wait else {
        _ = close(fd)
        return .failure(.busy(holder: holder))
      }
      if !announced {
        waiting(holder)
        announced = true
      }
      guard await control.sleep(for: .milliseconds(100)) else {
        _ = close(fd)
        return .failure(.stopped)
      }
    }
    let info = "task=\(label)\npid=\(getpid())\nsince=\(WallClock.iso8601(WallClock.now()))\n"
    _ = ftruncate(fd, 0)
    _ = Array(info.utf8).withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    return .success(TaskLock(name: name, descriptor: fd))
  }

  /// Releases the lock, even for a process of the task that escaped its group and still has the
  /// descriptor: the task has ended.
  func release() {
    _ = ftruncate(descriptor, 0)
    _ = flock(descriptor, LOCK_UN)
    _ = close(descriptor)
  }

  /// "task deploy (pid 4242, since 2026-11-22T23:55:01Z)", from the lock file's contents.
  private static func describeHolder(_ fd: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 1024)
    let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return "another process" }
    var fields: [Substring: Substring] = [:]
    let text = String(decoding: buffer[..<count], as: UTF8.self)
    for line in text.split(separator: "\n") {
      guard let equals = line.firstIndex(of: "=") else { continue }
      fields[line[..<equals]] = line[line.index(after: equals)...]
    }
    guard let task = fields["task"] else { return "another process" }
    let pid = fields["pid"].map { "pid \($0)" } ?? "unknown pid"
    let since = fields["since"].map { ", since \($0)" } ?? ""
    // A blumeops that was killed leaves the lock to its task's processes, which keep it.
    var ended = ""
    if let number = fields["pid"].flatMap({ pid_t($0) }), kill(number, 0) != 0, errno == ESRCH {
      ended = "; that blumeops has ended, and processes of its task still run"
    }
    return "task \(task) (\(pid)\(since)\(ended))"
  }
}
