#if os(Linux)
  import CLinux
  import Glibc
  import Synchronization

  /// Runs the work of blumeops on the main thread, as the executor its tasks prefer, and takes
  /// SIGINT and SIGTERM there while it waits.
  ///
  /// Left to the concurrency runtime, a command first waited for the runtime to start a worker
  /// thread, which then warmed its own memory; a short command (a docs check) spent a tenth of its
  /// time on that. Child processes are watched by the reactor thread either way.
  final class MainExecutor: TaskExecutor {
    private struct Queue {
      var jobs: [UnownedJob] = []
      /// The main thread waits in `poll` and must be woken.
      var waiting = false
    }

    private let queue = Mutex(Queue())
    private let wakeup: Int32
    private let signals: Int32

    /// Nil when the descriptors it needs cannot be made.
    init?(signals numbers: [Int32]) {
      var set = MainThread.set(of: numbers)
      let signals = clinux_signalfd(&set)
      let wakeup = clinux_eventfd()
      guard signals >= 0, wakeup >= 0 else {
        if signals >= 0 { close(signals) }
        if wakeup >= 0 { close(wakeup) }
        return nil
      }
      self.signals = signals
      self.wakeup = wakeup
    }

    func enqueue(_ job: consuming ExecutorJob) {
      let job = UnownedJob(job)
      let wake = queue.withLock { queue in
        queue.jobs.append(job)
        defer { queue.waiting = false }
        return queue.waiting
      }
      if wake {
        var one: UInt64 = 1
        _ = write(wakeup, &one, 8)
      }
    }

    /// Runs jobs as they come, handing each interrupt to `Interrupts` while there is none;
    /// the work ends the process with `exit`.
    func run() -> Never {
      // The queue and the batch trade buffers, so neither is allocated again per batch.
      var batch: [UnownedJob] = []
      while true {
        queue.withLock { queue in
          swap(&batch, &queue.jobs)
          queue.waiting = batch.isEmpty
        }
        if batch.isEmpty {
          wait()
          continue
        }
        for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        batch.removeAll(keepingCapacity: true)
      }
    }

    private func wait() {
      var descriptors = [
        pollfd(fd: wakeup, events: Int16(POLLIN), revents: 0),
        pollfd(fd: signals, events: Int16(POLLIN), revents: 0),
      ]
      guard poll(&descriptors, 2, -1) > 0 else { return }
      if descriptors[0].revents != 0 {
        var count: UInt64 = 0
        _ = read(wakeup, &count, 8)
      }
      guard descriptors[1].revents != 0 else { return }
      var number = clinux_read_signal(signals)
      while number > 0 {
        Interrupts.deliver(Int32(number))
        number = clinux_read_signal(signals)
      }
    }
  }
#endif
