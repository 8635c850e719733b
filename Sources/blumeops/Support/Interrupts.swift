import BlumeopsRunner
import Glibc
import Synchronization

/// Where SIGINT, SIGTERM, SIGHUP and SIGQUIT go: to the run under way, which stops its tasks and
/// reports, or else to `endNow`, which stops whatever blumeops started (a precondition, a version
/// probe, `op read`) and ends blumeops at once. SIGPIPE is ignored: a closed stdout is an error
/// on write (EPIPE), which the writers drop, not a reason to die and leave tasks behind.
///
/// They are blocked in every thread and taken by the main thread, which does nothing else: it
/// waits for them with `sigwaitinfo` while the work runs on the concurrency runtime's threads, so
/// they are acted on whatever the work is doing — reading a confirmation from the terminal,
/// loading a large task file. (Not Dispatch's `dispatch_main`, which an async `main` would wait
/// in: it unblocks every signal on the main thread.) Children start with an empty signal mask
/// and default actions (see `ChildSpawn`).
enum Interrupts {
  /// The signals taken.
  static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

  private struct State {
    var handler: (@Sendable (Int32) -> Void)?
    /// Set once blumeops is ending, by its work or by a signal: the other may no longer.
    var ending = false
  }

  private static let state = Mutex(State())

  /// Blocks the signals in the calling thread, and so in every thread started later, then runs
  /// `work` on the concurrency runtime and takes the signals here until `work` returns its exit
  /// status, which ends the process. Call from the main thread, before any other thread exists.
  static func run(_ work: @escaping @Sendable () async -> Int32) -> Never {
    signal(SIGPIPE, SIG_IGN)
    // SIGCHLD is blocked too, and stays pending: children are watched on pidfds, and each one's
    // exit would otherwise wake this thread for nothing.
    var blocked = signalSet(signals + [SIGCHLD])
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
    var set = signalSet(signals)
    Task.detached { Interrupts.exit(await work()) }
    while true {
      let number = sigwaitinfo(&set, nil)
      if number > 0 { deliver(number) }
    }
  }

  /// Ends the process with `code`, unless a signal is ending it already (then waits for that).
  static func exit(_ code: Int32) -> Never {
    let first = state.withLock { state in
      defer { state.ending = true }
      return !state.ending
    }
    if first { Glibc.exit(code) }
    while true { pause() }
  }

  /// True once a signal is ending blumeops: what is written then would only confuse.
  static var isEnding: Bool { state.withLock { $0.ending && $0.handler == nil } }

  /// Sends every interrupt to `handler` until `stopForwarding`.
  static func forward(to handler: @escaping @Sendable (Int32) -> Void) {
    state.withLock { $0.handler = handler }
  }

  static func stopForwarding() {
    state.withLock { $0.handler = nil }
  }

  private static func deliver(_ number: Int32) {
    let (handler, first) = state.withLock { state in
      if let handler = state.handler { return (Optional(handler), false) }
      defer { state.ending = true }
      return (nil, !state.ending)
    }
    if let handler {
      handler(number)
    } else if first {
      endNow(number)
    }
  }

  /// No run to stop: stops what blumeops started, then ends it with the signal's status.
  private static func endNow(_ number: Int32) -> Never {
    // A precondition or `op read` gets the same signal, and SIGKILL if it outlives a second:
    // they only look, and the user asked to stop now.
    SystemLauncher.stopEveryChild(signal: number, grace: .seconds(1), limit: .seconds(3))
    // SIGQUIT's own action would dump core: the status alone says what happened.
    if number == SIGQUIT { _exit(128 + number) }
    // The signal's own action, from this thread, ends the process as the caller expects.
    signal(number, SIG_DFL)
    var only = signalSet([number])
    pthread_sigmask(SIG_UNBLOCK, &only, nil)
    raise(number)
    _exit(128 + number)
  }

  private static func signalSet(_ numbers: [Int32]) -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for number in numbers { sigaddset(&set, number) }
    return set
  }
}
