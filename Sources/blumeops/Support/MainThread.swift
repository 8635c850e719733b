#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the main thread does while the work runs on the concurrency runtime's threads: nothing,
/// and without waking for every child that exits.
///
/// An async `main` would park it in Dispatch's `dispatch_main`, which waits with every signal
/// unblocked: each SIGCHLD then woke it, and through it Dispatch's manager thread, two needless
/// context switches per task of a run. Children are watched on pidfds, so SIGCHLD is never needed.
enum MainThread {
  /// Blocks SIGCHLD here, before any other thread starts, so every thread inherits the block and
  /// the signal stays pending. Children get an empty signal mask when they are spawned.
  static func ignoreChildExits() {
    var childExits = sigset_t()
    sigemptyset(&childExits)
    sigaddset(&childExits, SIGCHLD)
    pthread_sigmask(SIG_BLOCK, &childExits, nil)
  }

  /// Waits for signals with handlers (SIGINT and SIGTERM are forwarded to the run) until the
  /// work calls `exit`.
  static func park() -> Never {
    var waitMask = sigset_t()
    sigemptyset(&waitMask)
    sigaddset(&waitMask, SIGCHLD)
    while true { sigsuspend(&waitMask) }
  }
}
