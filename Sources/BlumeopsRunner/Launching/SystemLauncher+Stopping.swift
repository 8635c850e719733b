import Glibc

extension SystemLauncher {
  /// Ends blumeops' children when there is no run to stop them: starts nothing more, sends
  /// `signal` to every child's group, SIGKILL to what is left after `grace`, and returns once
  /// each child has exited and its group has been swept, or `limit` has passed. Blocks: for the
  /// thread that takes signals.
  public static func stopEveryChild(signal: Int32, grace: Duration, limit: Duration) {
    let children = LiveChildren.shared
    let clock = ContinuousClock()
    let start = clock.now
    children.signalAll(signal, ending: true)
    var killed = false
    while !children.isEmpty, start.duration(to: clock.now) < limit {
      if !killed, start.duration(to: clock.now) >= grace {
        children.signalAll(SIGKILL, ending: true)
        killed = true
      }
      usleep(5_000)
    }
  }
}
