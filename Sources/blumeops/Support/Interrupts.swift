import Glibc
import Synchronization

/// Where SIGINT and SIGTERM go: to the run under way, which stops its tasks and reports, or else
/// to their default action, which ends blumeops at once.
///
/// They are blocked in every thread and taken by the main thread, which does nothing else: it
/// waits for them with `sigwaitinfo` while the work runs on the concurrency runtime's threads, so
/// they are acted on whatever the work is doing — reading a confirmation from the terminal,
/// loading a large task file. (Not Dispatch's `dispatch_main`, which an async `main` would wait
/// in: it unblocks every signal on the main thread.) Children start with an empty signal mask
/// (see `ChildSpawn`).
enum Interrupts {
  /// The signals taken.
  static let signals = [SIGINT, SIGTERM]

  private static let handler = Mutex<(@Sendable (Int32) -> Void)?>(nil)

  /// Blocks the signals in the calling thread, and so in every thread started later, then runs
  /// `work` on the concurrency runtime and takes the signals here until `work` exits the
  /// process. Call from the main thread, before any other thread exists.
  static func run(_ work: @escaping @Sendable () async -> Never) -> Never {
    // SIGCHLD is blocked too, and stays pending: children are watched on pidfds, and each one's
    // exit would otherwise wake this thread for nothing.
    var blocked = signalSet(signals + [SIGCHLD])
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
    var set = signalSet(signals)
    Task.detached { await work() }
    while true {
      let number = sigwaitinfo(&set, nil)
      if number > 0 { deliver(number) }
    }
  }

  /// Sends every interrupt to `handler` until `stopForwarding`.
  static func forward(to handler: @escaping @Sendable (Int32) -> Void) {
    self.handler.withLock { $0 = handler }
  }

  static func stopForwarding() {
    handler.withLock { $0 = nil }
  }

  private static func deliver(_ number: Int32) {
    if let handler = handler.withLock({ $0 }) {
      handler(number)
      return
    }
    // No run to stop: the signal's own action, from this thread, ends the process.
    signal(number, SIG_DFL)
    var only = signalSet([number])
    pthread_sigmask(SIG_UNBLOCK, &only, nil)
    raise(number)
  }

  private static func signalSet(_ numbers: [Int32]) -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for number in numbers { sigaddset(&set, number) }
    return set
  }
}
