import Synchronization

#if os(Linux)
  import CLinux
  import Glibc

  /// One thread waiting in `epoll` for every child's pipes and exit, so a thousand short tasks
  /// cost no thread hand-offs beyond waking the task that waits for each.
  ///
  /// Handlers run on this thread, one at a time, and must never wait for another handler. Output
  /// handlers write to the terminal from here: a terminal that blocks holds up every child's
  /// reading, as it would hold up any single writer.
  final class Reactor: Sendable {
    static let shared = Reactor()

    private struct Watch: Sendable {
      /// Called when the descriptor is ready; false stops the watch.
      let ready: @Sendable () -> Bool
      /// Called once, after the descriptor has left the epoll set.
      let stopped: @Sendable () -> Void
    }

    private let poller: Int32
    private let watches = Mutex<[Int32: Watch]>([:])

    /// False when epoll or the thread could not be had; callers then use another way.
    var isAvailable: Bool { poller >= 0 }

    private init() {
      var poller = epoll_create1(Int32(EPOLL_CLOEXEC))
      if poller >= 0 {
        let box = Unmanaged.passRetained(Loop(poller: poller)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(
          &thread, nil,
          { raw in
            Unmanaged<Loop>.fromOpaque(raw!).takeRetainedValue().run()
          }, box)
        if started == 0 {
          pthread_detach(thread)
        } else {
          Unmanaged<Loop>.fromOpaque(box).release()
          close(poller)
          poller = -1
        }
      }
      self.poller = poller
    }

    /// Watches `descriptor` for input (or hang-up) until `ready` returns false or it could not be
    /// added; `stopped` runs once either way.
    func watch(
      _ descriptor: Int32, ready: @escaping @Sendable () -> Bool,
      stopped: @escaping @Sendable () -> Void
    ) {
      watches.withLock { $0[descriptor] = Watch(ready: ready, stopped: stopped) }
      var event = epoll_event()
      event.events = EPOLLIN.rawValue
      event.data.fd = descriptor
      if epoll_ctl(poller, EPOLL_CTL_ADD, descriptor, &event) != 0 {
        end(descriptor)
      }
    }

    fileprivate func dispatch(_ descriptor: Int32) {
      guard let watch = watches.withLock({ $0[descriptor] }) else { return }
      if !watch.ready() { end(descriptor) }
    }

    /// Stops watching `descriptor` and runs its `stopped`. Only from a handler, on the reactor
    /// thread (or for a watch that could not be added).
    func end(_ descriptor: Int32) {
      _ = epoll_ctl(poller, EPOLL_CTL_DEL, descriptor, nil)
      watches.withLock { $0.removeValue(forKey: descriptor) }?.stopped()
    }

    /// The thread's body; it holds no reference to the reactor but reaches it through `shared`,
    /// which is set before any descriptor is watched.
    private final class Loop {
      let poller: Int32
      init(poller: Int32) { self.poller = poller }

      func run() -> Never {
        var events = [epoll_event](repeating: epoll_event(), count: 64)
        while true {
          let count = epoll_wait(poller, &events, Int32(events.count), -1)
          guard count > 0 else { continue }
          for event in events[0..<Int(count)] { Reactor.shared.dispatch(event.data.fd) }
        }
      }
    }
  }
#endif
