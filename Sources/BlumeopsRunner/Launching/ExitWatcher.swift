import CLinux
import Glibc

/// Returns when a child exits, without reaping it: its pid, and so its group id, stays reserved
/// until the launcher reaps it.
///
/// A pidfd turns readable at exit, and the reactor waits on it. Polling instead cost a thousand
/// short tasks thousands of scheduler round trips, since output often ends a moment before the
/// exit is visible.
enum ExitWatcher {
  static func waitForExit(_ pid: pid_t, reactor: Reactor) async {
    if ProcessGroup.hasExited(pid) { return }
    let descriptor = clinux_pidfd_open(pid)
    if descriptor >= 0 {
      await withCheckedContinuation { continuation in
        reactor.watch(
          descriptor, ready: { false },
          stopped: {
            close(descriptor)
            continuation.resume()
          })
      }
      if ProcessGroup.hasExited(pid) { return }
    }
    // Without a pidfd (a kernel before 5.3): check, then back off.
    var pause = Duration.microseconds(100)
    while !ProcessGroup.hasExited(pid) {
      try? await Task.sleep(for: pause)
      pause = min(pause * 2, .milliseconds(20))
    }
  }
}
