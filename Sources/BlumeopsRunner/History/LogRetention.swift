import BlumeopsCore
import Glibc
import SystemPackage

/// Keeps the task logs of the most recent runs only. The history keeps every run; logs are for
/// looking into recent failures, and a `.blumeops/logs/` that grew by one folder per run forever
/// would cost disk and, past a few thousand folders, make each new run's folder slower to create.
enum LogRetention {
  /// Removes the oldest run folders of `directory` so that at most `keep` remain and together
  /// they take at most `budget` bytes. Run ids start with their UTC start time, so name order is
  /// age order; they end with the run's pid, and a run still going keeps its folder however old
  /// or large it is.
  static func prune(_ directory: String, keep: Int, budget: Int) {
    let names = FileSystem.list(directory)
    var used = 0
    var kept = 0
    for name in names.reversed() {
      let path = directory + "/" + name
      if isRunning(name) {
        used += size(of: path)
        kept += 1
        continue
      }
      let bytes = size(of: path)
      if kept < keep, used + bytes <= budget {
        used += bytes
        kept += 1
      } else {
        removeTree(path)
      }
    }
  }

  /// The bytes of the files in one run's folder (and any folders below it).
  static func size(of path: String) -> Int {
    var total = 0
    for entry in FileSystem.entries(path) {
      let child = path + "/" + entry.name
      guard let info = try? FilePath(child).stat(followTargetSymlink: false) else { continue }
      total += info.type == .directory ? size(of: child) : Int(info.size)
    }
    return total
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
