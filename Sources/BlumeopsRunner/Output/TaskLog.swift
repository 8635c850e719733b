import BlumeopsCore
import Synchronization
import SystemPackage

/// A task's masked output, appended to `<directory>/<label>.log`.
///
/// The file is created with the first output, not when the task starts: a silent task leaves no
/// empty file behind, and on a long chain of quiet tasks creating a thousand inodes was the single
/// largest cost of the run. A task sure to write (a built-in) may have it made earlier (`create`).
final class TaskLog: Sendable {
  private enum File {
    case notOpened
    case open(FileDescriptor)
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
    opened()?.writeCompletely(bytes)
  }

  /// Creates the file now, for a task sure to write to it (see `OutputCoordinator.openLog`).
  func create() {
    _ = opened()
  }

  private func opened() -> FileDescriptor? {
    file.withLock { file -> FileDescriptor? in
      switch file {
      case .open(let descriptor): return descriptor
      case .unavailable: return nil
      case .notOpened:
        FileSystem.makeDirectories(directory)
        let descriptor = try? FileDescriptor.open(
          path, .writeOnly, options: [.create, .append, .closeOnExec],
          permissions: [.ownerReadWrite, .groupRead, .otherRead])
        file = descriptor.map(File.open) ?? .unavailable
        return descriptor
      }
    }
  }

  func close() {
    file.withLock { file in
      if case .open(let descriptor) = file { try? descriptor.close() }
      file = .unavailable
    }
  }
}
