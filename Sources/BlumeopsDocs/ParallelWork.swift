#if canImport(Glibc)
  import CLinux
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Threads started to run one body each, joined later.
/// Plain threads rather than Dispatch: with the concurrency runtime holding the pool, Dispatch
/// often starts its extra thread too late to help with a few milliseconds of work. For the same
/// reason each starts on a core other than the caller's (the kernel would often queue it behind
/// its busy parent for a while), and may then run anywhere.
struct ParallelWork: ~Copyable {
  private var threads: [pthread_t] = []

  /// Starts `count` threads running `body`; a thread the system refuses is simply not started.
  static func start(_ count: Int, _ body: @escaping @Sendable () -> Void) -> ParallelWork {
    var work = ParallelWork()
    guard count > 0 else { return work }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    #if os(Linux)
      let cpus = clinux_allowed_cpus()
      _ = clinux_start_elsewhere(&attributes, cpus)
    #endif
    for _ in 0..<count {
      #if os(Linux)
        let run: @Sendable () -> Void = {
          clinux_allow_cpus(cpus)
          body()
        }
      #else
        let run = body
      #endif
      let box = Unmanaged.passRetained(Box(run)).toOpaque()
      var thread = pthread_t()
      guard
        pthread_create(
          &thread, &attributes,
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
