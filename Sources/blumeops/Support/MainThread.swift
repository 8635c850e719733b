import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the main thread does: it runs the work, and takes the interrupts.
///
/// On Linux it is the executor every task of the work prefers (see `MainExecutor`). Elsewhere the
/// work runs on the concurrency runtime's threads while the main thread waits for interrupts.
/// Either way it never sits in Dispatch's `dispatch_main`, which waits with every signal
/// unblocked: each SIGCHLD woke it, and through it Dispatch's manager thread, two needless
/// context switches per task of a run. Children are watched on pidfds, so SIGCHLD is never needed.
enum MainThread {
  /// The interrupts the main thread takes.
  static let interrupts = [SIGINT, SIGTERM]

  /// Blocks SIGCHLD, SIGINT and SIGTERM here, before any other thread starts, so every thread
  /// inherits the block: SIGCHLD stays pending, and the interrupts wait for the main thread.
  /// Children get an empty signal mask when they are spawned.
  static func takeSignals() {
    var signals = set(of: [SIGCHLD] + interrupts)
    pthread_sigmask(SIG_BLOCK, &signals, nil)
  }

  /// The signal set holding `numbers`.
  static func set(of numbers: [Int32]) -> sigset_t {
    var signals = sigset_t()
    sigemptyset(&signals)
    for number in numbers { sigaddset(&signals, number) }
    return signals
  }

  /// Runs `work` until it calls `exit`.
  static func run(_ work: @escaping @Sendable () async -> Never) -> Never {
    #if os(Linux)
      if let executor = MainExecutor(signals: interrupts) {
        Task.detached(executorPreference: executor) { await work() }
        executor.run()
      }
    #endif
    Task.detached { await work() }
    park()
  }

  /// Hands each interrupt to `Interrupts`, forever.
  private static func park() -> Never {
    var waited = set(of: interrupts)
    while true {
      let signal = sigwaitinfo(&waited, nil)
      if signal > 0 { Interrupts.deliver(signal) }
    }
  }
}

/// Where SIGINT and SIGTERM go: to the run under way, which stops its tasks and reports, or else
/// to their default action, which ends blumeops at once.
enum Interrupts {
  private static let handler = Mutex<(@Sendable (Int32) -> Void)?>(nil)

  /// Sends every interrupt to `handler` until `stopForwarding`.
  static func forward(to handler: @escaping @Sendable (Int32) -> Void) {
    self.handler.withLock { $0 = handler }
  }

  static func stopForwarding() {
    handler.withLock { $0 = nil }
  }

  /// Runs `body` (a blocking read of the terminal, say) with the interrupts unblocked on this
  /// thread: before a run is under way they take their default action, and must not wait until
  /// `body` returns, as they would while the main thread is busy.
  static func takeDefaultActionDuring<T, Failure: Error>(_ body: () throws(Failure) -> T)
    throws(Failure) -> T
  {
    var signals = MainThread.set(of: MainThread.interrupts)
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    defer { pthread_sigmask(SIG_BLOCK, &signals, nil) }
    return try body()
  }

  static func deliver(_ number: Int32) {
    if let handler = handler.withLock({ $0 }) {
      handler(number)
      return
    }
    signal(number, SIG_DFL)
    var only = MainThread.set(of: [number])
    pthread_sigmask(SIG_UNBLOCK, &only, nil)
    raise(number)
  }
}
