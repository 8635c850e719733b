import BlumeopsCore
import CLinux
import Glibc
import Synchronization

/// One thread waiting in `epoll` for every child's pipes and exit, so a thousand short tasks
/// cost no thread hand-offs beyond waking the task that waits for each.
///
/// Correct by construction against descriptor reuse: an event carries the token of its watch
/// (a number never handed out twice), not the descriptor; a watch that has ended drops whatever
/// events of the same `epoll_wait` batch are still pending for it; and the `stopped` handlers,
/// which close descriptors, run only after the whole batch has been handled, so no descriptor
/// number is freed (and perhaps reused by another thread's `pipe`) while an event may name it.
///
/// Children are started here too (`perform`): a child asks to be told when the thread that
/// started it ends, and this thread lives as long as the process.
///
/// Handlers run on this thread, one at a time, and must never wait for another handler. Output
/// handlers write to the terminal from here: a terminal that blocks holds up every child's
/// reading, as it would hold up any single writer.
final class Reactor: Sendable {
  /// Nil when epoll or the thread could not be had; no child can be started then.
  static let shared: Reactor? = Reactor()

  /// Names one watch; never handed out twice.
  struct Token: Hashable, Sendable {
    fileprivate let value: UInt64
  }

  private struct Watch: Sendable {
    let descriptor: Int32
    /// Called when the descriptor is ready; false ends the watch.
    let ready: @Sendable () -> Bool
    /// Called once, after the batch in which the watch ended.
    let stopped: @Sendable () -> Void
  }

  private struct Registry {
    var nextToken: UInt64 = 1
    var watches: [Token: Watch] = [:]
    /// `stopped` handlers of watches ended during the batch being handled.
    var ended: [@Sendable () -> Void] = []
    /// How many watches were ever started: lets a test prove children go through here.
    var started = 0
  }

  private let poller: Int32
  private let registry = Mutex(Registry())
  /// Wakes the thread for work handed to it by `perform`; watched under token 0.
  private let wakeup: Int32
  private let work = Mutex<[@Sendable () -> Void]>([])

  private init?() {
    let poller = epoll_create1(Int32(EPOLL_CLOEXEC))
    guard poller >= 0 else { return nil }
    let wakeup = eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK))
    var event = epoll_event()
    event.events = EPOLLIN.rawValue
    event.data.u64 = 0
    guard wakeup >= 0, epoll_ctl(poller, EPOLL_CTL_ADD, wakeup, &event) == 0 else {
      close(poller)
      if wakeup >= 0 { close(wakeup) }
      return nil
    }
    self.poller = poller
    self.wakeup = wakeup
    var thread = pthread_t()
    // The thread reaches the reactor through `shared`, which it waits for until this returns.
    let started = pthread_create(&thread, nil, { _ in Reactor.shared!.loop() }, nil)
    guard started == 0 else {
      close(poller)
      close(wakeup)
      return nil
    }
    pthread_detach(thread)
  }

  /// Runs `job` on the reactor thread, between batches of events.
  func perform(_ job: @escaping @Sendable () -> Void) {
    work.withLock { $0.append(job) }
    var one: UInt64 = 1
    _ = write(wakeup, &one, 8)
  }

  /// Runs `job` on the reactor thread and returns its result.
  func perform<Value: Sendable>(_ job: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
      perform { continuation.resume(returning: job()) }
    }
  }

  /// The number of watches started so far.
  var watchesStarted: Int { registry.withLock { $0.started } }

  /// A token for a watch about to start, for a caller that must know it before the watch's
  /// handlers can run.
  func reserveToken() -> Token {
    registry.withLock { registry in
      defer { registry.nextToken += 1 }
      return Token(value: registry.nextToken)
    }
  }

  /// Watches `descriptor` for input (or hang-up) until `ready` returns false or `end` is called;
  /// `stopped` runs once, after the watch has ended (at once when it could not be added).
  func watch(
    _ descriptor: Int32, as token: Token? = nil, ready: @escaping @Sendable () -> Bool,
    stopped: @escaping @Sendable () -> Void
  ) {
    let token = token ?? reserveToken()
    registry.withLock { registry in
      registry.started += 1
      registry.watches[token] = Watch(descriptor: descriptor, ready: ready, stopped: stopped)
    }
    var event = epoll_event()
    event.events = EPOLLIN.rawValue
    event.data.u64 = token.value
    if epoll_ctl(poller, EPOLL_CTL_ADD, descriptor, &event) != 0 {
      _ = registry.withLock { $0.watches.removeValue(forKey: token) }
      stopped()
    }
  }

  /// Ends a watch; only from a handler, on the reactor thread. Its `stopped` runs after the
  /// current batch. A watch already ended is left alone.
  func end(_ token: Token) {
    registry.withLock { registry in
      guard let watch = registry.watches.removeValue(forKey: token) else { return }
      _ = epoll_ctl(poller, EPOLL_CTL_DEL, watch.descriptor, nil)
      registry.ended.append(watch.stopped)
    }
  }

  private func dispatch(_ token: Token) {
    if token.value == 0 { return runWork() }
    // A token whose watch has ended earlier in the batch finds nothing: the event is stale.
    guard let watch = registry.withLock({ $0.watches[token] }) else { return }
    if !watch.ready() { end(token) }
  }

  private func runWork() {
    var count: UInt64 = 0
    _ = read(wakeup, &count, 8)
    var jobs: [@Sendable () -> Void] = []
    work.withLock { swap(&jobs, &$0) }
    for job in jobs { job() }
  }

  private func loop() -> Never {
    var events = [epoll_event](repeating: epoll_event(), count: 64)
    var ended: [@Sendable () -> Void] = []
    while true {
      let count = epoll_wait(poller, &events, Int32(events.count), -1)
      guard count > 0 else { continue }
      for event in events[0..<Int(count)] { dispatch(Token(value: event.data.u64)) }
      registry.withLock { swap(&ended, &$0.ended) }
      for stopped in ended { stopped() }
      ended.removeAll(keepingCapacity: true)
    }
  }
}
