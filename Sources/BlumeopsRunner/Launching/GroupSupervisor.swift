import Glibc
import Synchronization

/// Watches one running child: forwards stop requests, enforces the timeout, and sweeps the
/// process group once the leader has exited.
///
/// Everything happens before the leader is reaped: the group id stays reserved for as long as
/// anything here may signal it.
final class GroupSupervisor: Sendable {
  private struct State {
    var timedOut = false
    var softStopAt: ContinuousClock.Instant?
    var killed = false
  }

  private let pid: pid_t
  private let request: LaunchRequest
  private let reactor: Reactor
  private let state = Mutex(State())

  init(pid: pid_t, request: LaunchRequest, reactor: Reactor) {
    self.pid = pid
    self.request = request
    self.reactor = reactor
  }

  var timedOut: Bool { state.withLock { $0.timedOut } }

  /// Runs `readers` (which end when output ends) and returns once the leader has exited and its
  /// group has been swept.
  func supervise(control: ProcessControl, readers: @escaping @Sendable () async -> Void) async {
    control.attach { [self] signal in deliver(signal) }
    if let timeout = request.timeout {
      await withTaskGroup(of: Bool.self) { group in
        group.addTask { [self] in
          await watch(timeout: timeout)
          return false
        }
        group.addTask { [self] in
          await readers()
          await ExitWatcher.waitForExit(pid, reactor: reactor)
          return true
        }
        while let leaderEnded = await group.next() {
          if leaderEnded { group.cancelAll() }
        }
      }
    } else {
      // Nothing to race against: no child task to start for a thousand short processes.
      await readers()
      await ExitWatcher.waitForExit(pid, reactor: reactor)
    }
    await graceForStragglers()
    control.detach()
    ProcessGroup.signal(pid, SIGKILL)
  }

  /// Sends a signal to the child's whole group.
  private func deliver(_ signal: Int32) {
    state.withLock { state in
      if signal == SIGKILL {
        state.killed = true
      } else if state.softStopAt == nil {
        state.softStopAt = .now
      }
    }
    ProcessGroup.signal(pid, signal)
  }

  private func watch(timeout: Duration) async {
    do { try await Task.sleep(for: timeout) } catch { return }
    state.withLock { $0.timedOut = true }
    deliver(SIGTERM)
    do { try await Task.sleep(for: request.gracePeriod) } catch { return }
    deliver(SIGKILL)
  }

  /// After a soft stop, lets the rest of the group finish its cleanup within the grace period
  /// before the sweep; a cancelled `pulumi up` must not die mid-cleanup because bash exited first.
  private func graceForStragglers() async {
    guard let since = state.withLock({ $0.killed ? nil : $0.softStopAt }) else { return }
    let deadline = since.advanced(by: request.gracePeriod)
    while ContinuousClock.now < deadline, !state.withLock({ $0.killed }),
      ProcessGroup.hasOtherMembers(pid)
    {
      try? await Task.sleep(for: .milliseconds(50))
    }
  }
}
