import CLinux
import Glibc
import Synchronization

/// The thread every child is started on. A child's parent-death signal (`PR_SET_PDEATHSIG`)
/// follows the thread that started it, so that thread must live as long as blumeops: this one
/// never ends. It is not the reactor thread, which would otherwise wait for each child's exec
/// while pipes of running tasks have output to read.
final class SpawnThread: Sendable {
  static let shared: SpawnThread? = SpawnThread()

  /// Wakes the thread for work (a blocking eventfd: the thread sleeps in `read`).
  private let wakeup: Int32
  private let work = Mutex<[@Sendable () -> Void]>([])

  private init?() {
    let wakeup = eventfd(0, Int32(EFD_CLOEXEC))
    guard wakeup >= 0 else { return nil }
    self.wakeup = wakeup
    var thread = pthread_t()
    // The thread reaches this through `shared`, which it waits for until this returns.
    guard pthread_create(&thread, nil, { _ in SpawnThread.shared!.loop() }, nil) == 0 else {
      close(wakeup)
      return nil
    }
    pthread_detach(thread)
  }

  /// Runs `job` on the spawn thread and returns its result.
  func perform<Value: Sendable>(_ job: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
      work.withLock { $0.append { continuation.resume(returning: job()) } }
      var one: UInt64 = 1
      _ = write(wakeup, &one, 8)
    }
  }

  private func loop() -> Never {
    var count: UInt64 = 0
    while true {
      _ = read(wakeup, &count, 8)
      for job in work.withLock({ jobs in
        defer { jobs = [] }; return jobs
      }) { job() }
    }
  }
}
