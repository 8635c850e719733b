import BlumeopsCore
import Glibc

/// Keeps the task logs of the most recent runs only. The history keeps every run; logs are for
/// looking into recent failures, and a `.blumeops/logs/` that grew by one folder per run forever
/// would cost disk and, past a few thousand folders, make each new run's folder slower to create.
enum LogRetention {
  /// Removes the oldest run folders of `directory` so that at most `keep` remain. Run ids start
  /// with their UTC start time, so name order is age order; they end with the run's pid, and a
  /// run still going keeps its folder however old it is.
  static func prune(_ directory: String, keep: Int) {
    let names = FileSystem.list(directory)
    guard names.count > keep else { return }
    for name in names.prefix(names.count - keep) where !isRunning(name) {
      removeTree(directory + "/" + name)
    }
  }

  /// True while the run's pid is this process or another blumeops: pids are reused quickly,
  /// and a folder kept for whatever unrelated process got the number would never be pruned.
  static func isRunning(_ id: String) -> Bool {
    guard let pid = id.split(separator: "-").last.flatMap({ pid_t($0) }), pid > 0 else {
      return false
    }
    if pid == getpid() { return true }
    guard let name = FileSystem.readText("/proc/\(pid)/comm") else { return false }
    return name.hasPrefix("blumeops")
  }

  /// `rm -rf` of one folder of log files (and any folders below it). Symbolic links are removed,
  /// never followed.
  private static func removeTree(_ path: String) {
    if unlink(path) == 0 { return }
    for name in FileSystem.list(path) {
      let child = path + "/" + name
      if FileSystem.ownKind(of: child) == .directory {
        removeTree(child)
      } else {
        unlink(child)
      }
    }
    rmdir(path)
  }
}
