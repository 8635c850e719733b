import Glibc
import Synchronization

/// A task's masked output, appended to `<directory>/<label>.log`.
///
/// The file is created with the first output, not when the task starts: a silent task leaves no
/// empty file behind, and on a long chain of quiet tasks creating a thousand inodes was the single
/// largest cost of the run. A task sure to write (a built-in) may have it made earlier (`create`).
final class TaskLog: Sendable {
  private enum File {
    case notOpened
    case open(Int32)
    case unavailable
  }

  private let directory: String
  private let path: String
  private let file = Mutex(File.notOpened)

  init(directory: String, label: String) {
    self.directory = directory
    self.path = directory + "/" + SafeFileName.make(label) + ".log"
  }

  func append(_ bytes: [UInt8]) {
    if let descriptor = opened() { Descriptor.writeAll(bytes, to: descriptor) }
  }

  /// Creates the file now, for a task sure to write to it (see `OutputCoordinator.openLog`).
  func create() {
    _ = opened()
  }

  private func opened() -> Int32? {
    file.withLock { file -> Int32? in
      switch file {
      case .open(let descriptor): return descriptor
      case .unavailable: return nil
      case .notOpened:
        Descriptor.makeDirectories(directory)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        file = descriptor >= 0 ? .open(descriptor) : .unavailable
        return descriptor >= 0 ? descriptor : nil
      }
    }
  }

  func close() {
    file.withLock { file in
      if case .open(let descriptor) = file { Descriptor.close(descriptor) }
      file = .unavailable
    }
  }
}
