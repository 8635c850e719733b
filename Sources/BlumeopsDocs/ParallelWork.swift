#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Threads started to run one body each, joined later.
/// Plain threads rather than Dispatch: with the concurrency runtime holding the pool, Dispatch
/// often starts its extra thread too late to help with a few milliseconds of work.
struct ParallelWork: ~Copyable {
  private var threads: [pthread_t] = []

  /// Starts `count` threads running `body`; a thread the system refuses is simply not started.
  static func start(_ count: Int, _ body: @escaping @Sendable () -> Void) -> ParallelWork {
    var work = ParallelWork()
    for _ in 0..<max(0, count) {
      let box = Unmanaged.passRetained(Box(body)).toOpaque()
      var thread = pthread_t()
      guard
        pthread_create(
          &thread, nil,
          { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
          }, box) == 0
      else {
        Unmanaged<Box>.fromOpaque(box).release()
        continue
      }
      work.threads.append(thread)
    }
    return work
  }

  /// Waits for every started thread to end.
  consuming func join() {
    for thread in threads { pthread_join(thread, nil) }
  }

  /// Lets the threads end on their own.
  consuming func detach() {
    for thread in threads { pthread_detach(thread) }
  }

  private final class Box {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }
}
