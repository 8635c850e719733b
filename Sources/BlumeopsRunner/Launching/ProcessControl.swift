import Glibc
import Synchronization

/// Carries stop requests from the executor to whatever process a task is running right now.
///
/// The first request sends its signal; any later one escalates to SIGKILL. A request made before a
/// process is attached is applied the moment one attaches, so a step starting in a race with a
/// stop is stopped as well.
public final class ProcessControl: Sendable {
  private struct State {
    var sender: (@Sendable (Int32) -> Void)?
    var signal: Int32?
    var killed = false
  }

  private let state = Mutex(State())

  public init() {}

  /// True once any stop was requested.
  public var isStopRequested: Bool { state.withLock { $0.signal != nil } }

  /// The signal of the first stop request.
  public var stopSignal: Int32? { state.withLock { $0.signal } }

  /// Asks the attached process to stop; a second request sends SIGKILL.
  ///
  /// With `escalateAfter`, SIGKILL follows after that pause unless the process is gone by then.
  public func stop(signal: Int32, escalateAfter grace: Duration? = nil) {
    // Signals are sent under the lock: `detach` cannot slip in between, so no signal can reach
    // a reaped (and perhaps recycled) pid.
    let escalates = state.withLock { state in
      if state.signal == nil {
        state.signal = signal
        state.sender?(signal)
        return signal != SIGKILL
      }
      state.killed = true
      state.sender?(SIGKILL)
      return false
    }
    if let grace, escalates {
      Task { [self] in
        try? await Task.sleep(for: grace)
        self.kill()
      }
    }
  }

  /// Sends SIGKILL to the attached process now.
  public func kill() {
    state.withLock { state in
      state.killed = true
      state.sender?(SIGKILL)
    }
  }

  /// Connects a started process; `send` delivers a signal to it (and its group).
  public func attach(_ send: @escaping @Sendable (Int32) -> Void) {
    state.withLock { state in
      state.sender = send
      if state.killed {
        send(SIGKILL)
      } else if let signal = state.signal {
        send(signal)
      }
    }
  }

  /// Disconnects the process; call before it is reaped, so no signal can reach a recycled pid.
  public func detach() {
    state.withLock { $0.sender = nil }
  }

  /// Sleeps for `duration` unless a stop is requested first; returns false when stopped.
  public func sleep(for duration: Duration) async -> Bool {
    let clock = ContinuousClock()
    let end = clock.now.advanced(by: duration)
    while clock.now < end {
      if isStopRequested { return false }
      let left = clock.now.duration(to: end)
      try? await Task.sleep(for: min(left, .milliseconds(20)))
    }
    return !isStopRequested
  }
}
