#if canImport(Glibc)
  import CLinux
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Returns when a child exits, without reaping it: its pid, and so its group id, stays reserved
/// until the launcher reaps it.
///
/// On Linux a pidfd turns readable at exit, and the reactor waits on it. Polling instead cost a
/// thousand short tasks thousands of scheduler round trips, since output often ends a moment
/// before the exit is visible.
enum ExitWatcher {
  static func waitForExit(_ pid: pid_t) async {
    if ProcessGroup.hasExited(pid) { return }
    #if os(Linux)
      let descriptor = clinux_pidfd_open(pid)
      if descriptor >= 0, Reactor.shared.isAvailable {
        await withCheckedContinuation { continuation in
          Reactor.shared.watch(
            descriptor, ready: { false },
            stopped: {
              close(descriptor)
              continuation.resume()
            })
        }
        if ProcessGroup.hasExited(pid) { return }
      } else if descriptor >= 0 {
        close(descriptor)
      }
    #endif
    // Where pidfds are not available: check, then back off.
    var pause = Duration.microseconds(100)
    while !ProcessGroup.hasExited(pid) {
      try? await Task.sleep(for: pause)
      pause = min(pause * 2, .milliseconds(20))
    }
  }
}
