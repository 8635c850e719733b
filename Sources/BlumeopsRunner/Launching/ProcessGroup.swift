import BlumeopsCore
import Glibc

/// Signals and waits on a child and the process group it leads, without ever reaping the leader:
/// while it is an unreaped zombie its pid, and so the group id, cannot be reused.
enum ProcessGroup {
  /// Sends `signal` to every process of the group led by `leader`.
  static func signal(_ leader: pid_t, _ signal: Int32) {
    _ = kill(-leader, signal)
  }

  /// True once `pid` has exited; leaves the zombie for the reaper.
  static func hasExited(_ pid: pid_t) -> Bool {
    var info = siginfo_t()
    while true {
      if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 {
        // With WNOHANG and nothing to report, waitid leaves the zeroed siginfo untouched.
        return info.si_signo != 0
      }
      if errno != EINTR { return true }
    }
  }

  /// True while a live process other than `leader` belongs to the group `leader` leads.
  static func hasOtherMembers(_ leader: pid_t) -> Bool {
    for name in FileSystem.list("/proc") {
      guard let pid = pid_t(name), pid != leader else { continue }
      if let (state, group) = statusAndGroup(of: pid), group == leader, state != "Z" {
        return true
      }
    }
    return false
  }

  /// The state letter and process group from `/proc/PID/stat`.
  private static func statusAndGroup(of pid: pid_t) -> (Character, pid_t)? {
    guard let text = FileSystem.readText("/proc/\(pid)/stat") else { return nil }
    // The command name may hold spaces and parentheses: fields start after the last `)`.
    guard let close = text.lastIndex(of: ")") else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 3, let state = fields[0].first, let group = pid_t(fields[2]) else {
      return nil
    }
    return (state, group)
  }
}
