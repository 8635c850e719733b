import Synchronization

#if canImport(Glibc)
  import CLinux
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A mutex with one condition, for state that threads wait on. Both are allocated once so that
/// their addresses never move, as pthreads require and a Swift property does not promise.
final class Gate: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  /// Counts the changes, so a waiter can see one coming without holding the mutex.
  private let changes = Atomic<Int>(0)

  /// How long a waiter watches for a change before it sleeps. The waits here are mostly short
  /// hand-offs between two threads, and on a virtual machine waking a sleeping thread on an idle
  /// core took tens of microseconds, as long as a small check itself.
  private static let spinNanoseconds = 200_000

  init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  /// Runs `body` holding the mutex, then wakes every waiter.
  func change<T>(_ body: () -> T) -> T {
    pthread_mutex_lock(mutex)
    defer {
      changes.add(1, ordering: .releasing)
      pthread_cond_broadcast(condition)
      pthread_mutex_unlock(mutex)
    }
    return body()
  }

  /// Waits until `ready`, called holding the mutex, gives a value.
  func wait<T>(until ready: () -> T?) -> T {
    let deadline = Self.now() + Self.spinNanoseconds
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    var spinning = true
    while true {
      if let value = ready() { return value }
      // After the spin, `ready` is asked again under the mutex before sleeping: a change made
      // while no one held it would otherwise go unseen.
      if spinning {
        spinning = spinUntilChange(before: deadline)
      } else {
        pthread_cond_wait(condition, mutex)
      }
    }
  }

  /// With the mutex held on entry and on return: watches for a change without the mutex until
  /// `deadline`; true when one came.
  private func spinUntilChange(before deadline: Int) -> Bool {
    let seen = changes.load(ordering: .acquiring)
    pthread_mutex_unlock(mutex)
    defer { pthread_mutex_lock(mutex) }
    var spins = 0
    while changes.load(ordering: .acquiring) == seen {
      spins += 1
      if spins % 64 == 0, Self.now() >= deadline { return false }
      #if canImport(Glibc)
        clinux_spin_pause()
      #endif
    }
    return true
  }

  private static func now() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return time.tv_sec * 1_000_000_000 + time.tv_nsec
  }
}
