import Glibc
import Synchronization
import SystemPackage

/// Every child started and not yet reaped, so that a signal that comes while no run is under way
/// (a precondition, a version probe or `op read` running) still reaches them.
final class LiveChildren: Sendable {
  static let shared = LiveChildren()

  private struct State {
    /// Each child's pid, and whether it leads a group of its own.
    var children: [pid_t: Bool] = [:]
    /// Set once blumeops is ending: nothing new starts.
    var ending = false
    /// What the children were sent since blumeops began ending, for a child that was being
    /// started meanwhile.
    var sent: [Int32] = []
  }

  private let state = Mutex(State())

  /// Runs `spawn` and records the child it started; nil, starting nothing, once blumeops is
  /// ending.
  ///
  /// The lock is not held while the child starts, which takes until its exec: tasks ending on
  /// other threads would wait for it. A child that was starting when blumeops began ending is
  /// sent, once recorded, what the others were sent.
  func start(ownGroup: Bool, _ spawn: () -> Result<pid_t, Errno>) -> Result<pid_t, Errno>? {
    guard !state.withLock({ $0.ending }) else { return nil }
    let result = spawn()
    if case .success(let pid) = result {
      state.withLock { state in
        state.children[pid] = ownGroup
        for signal in state.sent { _ = kill(ownGroup ? -pid : pid, signal) }
      }
    }
    return result
  }

  /// Forgets a child; call before reaping it, so no signal from here reaches a recycled pid.
  func remove(_ pid: pid_t) {
    state.withLock { _ = $0.children.removeValue(forKey: pid) }
  }

  var isEmpty: Bool { state.withLock { $0.children.isEmpty } }

  /// Starts nothing more and sends `signal` to every child (to its group when it leads one).
  func signalAll(_ signal: Int32, ending: Bool) {
    state.withLock { state in
      if ending { state.ending = true }
      if state.ending { state.sent.append(signal) }
      for (pid, ownGroup) in state.children {
        _ = kill(ownGroup ? -pid : pid, signal)
      }
    }
  }
}
