import Synchronization

#if canImport(Glibc)
  import CLinux
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Wakes waiters when a child exits, without reaping it (its pid, and so its group id, stays
/// reserved until swift-subprocess reaps it).
///
/// On Linux, one thread waits in `epoll` on a pidfd per child: a pidfd turns readable at exit.
/// Polling instead cost a thousand short tasks thousands of scheduler round trips, since output
/// often ends a moment before the exit is visible.
final class ExitWatcher: Sendable {
  static let shared = ExitWatcher()

  #if os(Linux)
    private let poller: Int32
    private let waiters = Mutex<[Int32: CheckedContinuation<Void, Never>]>([:])

    private init() {
      poller = epoll_create1(Int32(EPOLL_CLOEXEC))
      guard poller >= 0 else { return }
      let box = Unmanaged.passRetained(self).toOpaque()
      var thread = pthread_t()
      if pthread_create(
        &thread, nil,
        { raw in
          Unmanaged<ExitWatcher>.fromOpaque(raw!).takeRetainedValue().loop()
        }, box) == 0
      {
        pthread_detach(thread)
      } else {
        Unmanaged<ExitWatcher>.fromOpaque(box).release()
      }
    }
  #else
    private init() {}
  #endif

  /// Returns once `pid` has exited.
  func waitForExit(_ pid: pid_t) async {
    if ProcessGroup.hasExited(pid) { return }
    #if os(Linux)
      let descriptor = clinux_pidfd_open(pid)
      if poller >= 0, descriptor >= 0 {
        await withCheckedContinuation { continuation in
          waiters.withLock { $0[descriptor] = continuation }
          var event = epoll_event()
          event.events = EPOLLIN.rawValue | EPOLLONESHOT.rawValue
          event.data.fd = descriptor
          if epoll_ctl(poller, EPOLL_CTL_ADD, descriptor, &event) != 0 {
            waiters.withLock { $0.removeValue(forKey: descriptor) }?.resume()
          }
        }
        close(descriptor)
        if ProcessGroup.hasExited(pid) { return }
      } else if descriptor >= 0 {
        close(descriptor)
      }
    #endif
    await poll(pid)
  }

  /// Where pidfds are not available: check, then back off.
  private func poll(_ pid: pid_t) async {
    var pause = Duration.microseconds(100)
    while !ProcessGroup.hasExited(pid) {
      try? await Task.sleep(for: pause)
      pause = min(pause * 2, .milliseconds(20))
    }
  }

  #if os(Linux)
    private func loop() -> Never {
      var events = [epoll_event](repeating: epoll_event(), count: 64)
      while true {
        let count = epoll_wait(poller, &events, Int32(events.count), -1)
        guard count > 0 else { continue }
        for event in events[0..<Int(count)] {
          let descriptor = event.data.fd
          _ = epoll_ctl(poller, EPOLL_CTL_DEL, descriptor, nil)
          waiters.withLock { $0.removeValue(forKey: descriptor) }?.resume()
        }
      }
    }
  #endif
}
