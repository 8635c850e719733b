#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a body on the calling thread and on `threads - 1` fresh ones, and waits for all.
/// Plain threads rather than Dispatch: with the concurrency runtime holding the pool, Dispatch
/// often starts its extra thread too late to help with a few milliseconds of work.
enum ParallelWork {
  static func run(threads count: Int, _ body: @escaping @Sendable () -> Void) {
    var threads: [pthread_t] = []
    for _ in 1..<max(1, count) {
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
      threads.append(thread)
    }
    body()
    for thread in threads { pthread_join(thread, nil) }
  }

  private final class Box {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }
}
