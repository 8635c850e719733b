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
  private let warning: StorageWarning?

  init(directory: String, label: String, warning: StorageWarning? = nil) {
    self.directory = directory
    self.path = directory + "/" + SafeFileName.make(label) + ".log"
    self.warning = warning
  }

  func append(_ bytes: [UInt8]) {
    guard let file = opened() else { return }
    do throws(SystemPackage.Errno) {
      try file.writeCompletely(bytes)
    } catch {
      fail(error)
    }
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
        do throws(SystemPackage.Errno) {
          try FileSystem.makeDirectories(directory)
          let descriptor = try FileSystem.openForWriting(
            path, options: [.create, .append, .closeOnExec])
          file = .open(descriptor)
          return descriptor
        } catch {
          file = .unavailable
          warning?.report("task logs", path: Self.shown(path), error)
          return nil
        }
      }
    }
  }

  /// A write failed (the disk filled up): no more writes to this log, and one warning.
  private func fail(_ error: SystemPackage.Errno) {
    file.withLock { file in
      if case .open(let descriptor) = file { try? descriptor.close() }
      file = .unavailable
    }
    warning?.report("task logs", path: Self.shown(path), error)
  }

  /// The path from `.blumeops/` on, as the user knows it.
  private static func shown(_ path: String) -> String {
    guard let start = path.firstRange(of: "/.blumeops/")?.lowerBound else { return path }
    return String(path[path.index(after: start)...])
  }

  func close() {
    file.withLock { file in
      if case .open(let descriptor) = file { try? descriptor.close() }
      file = .unavailable
    }
  }
}
