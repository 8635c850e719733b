import CLinux
import Glibc
import SystemPackage

/// Runs real processes: each started on the reactor thread (see `ChildSpawn`), its pipes and its
/// exit watched there, whatever its terminal. The one way blumeops starts a child.
///
/// Not Foundation's `Process`: from async code it hands the child a signal mask that blocks
/// SIGINT and SIGTERM, so the child could not be stopped.
public struct SystemLauncher: ProcessLauncher {
  public init() {}

  public func launch(
    _ request: LaunchRequest, control: ProcessControl,
    output: @escaping @Sendable (OutputChannel, [UInt8]) -> Void
  ) async throws(LaunchError) -> LaunchResult {
    guard let name = request.argv.first else { throw .cannotStart("", reason: "empty command") }
    guard let reactor = Reactor.shared else {
      throw .cannotStart(name, reason: "no epoll instance or thread for watching children")
    }
    guard let spawner = SpawnThread.shared else {
      throw .cannotStart(name, reason: "no thread to start children on")
    }
    guard ExecutableLocator.isDirectory(request.directory) else {
      throw .cannotStart(name, reason: "directory `\(request.directory)` does not exist")
    }
    guard
      let executable = request.executable
        ?? ExecutableLocator.find(
          name, path: request.environment["PATH"], directory: request.directory)
    else { throw .executableNotFound(name) }

    var environment = request.environment
    // Python block-buffers a piped stdout; ansible would print nothing until it ends.
    if environment["PYTHONUNBUFFERED"] == nil { environment["PYTHONUNBUFFERED"] = "1" }
    // What bash exports before it runs a command, so a program started without it sees the same.
    environment["PWD"] = request.directory

    var pipes: (output: [Int32], error: [Int32])?
    if request.terminal == .piped {
      pipes = try Self.makePipes(name)
    }
    var relay: TerminalRelay?
    if request.terminal == .relayed {
      do throws(Errno) {
        relay = try TerminalRelay.open()
      } catch {
        throw .cannotStart(name, reason: "no pseudo-terminal: \(error.description)")
      }
    }
    let child = ChildSpawn.Prepared(
      executable, arguments: request.argv, environment: environment,
      directory: request.directory, pipes: pipes.map { ($0.output[1], $0.error[1]) },
      keeping: request.keptDescriptors, terminalDevice: relay?.slave ?? -1)
    // Started on the spawn thread: the child's parent-death signal follows that thread.
    let spawned = await spawner.perform {
      LiveChildren.shared.start(ownGroup: true) { child.spawn() }
    }
    if let pipes {
      close(pipes.output[1])
      close(pipes.error[1])
    }
    relay?.childStarted()
    let pid: pid_t
    switch spawned {
    case .success(let child)?: pid = child
    case .failure(let failure)?:
      if let relay { close(relay.master) }
      if let pipes {
        close(pipes.output[0])
        close(pipes.error[0])
      }
      throw .cannotStart(name, reason: failure.description)
    case nil:
      if let relay { close(relay.master) }
      if let pipes {
        close(pipes.output[0])
        close(pipes.error[0])
      }
      throw .cannotStart(name, reason: "blumeops is stopping")
    }

    let supervisor = GroupSupervisor(pid: pid, request: request, reactor: reactor)
    if let pipes {
      await supervisor.supervise(control: control) {
        await withCheckedContinuation { continuation in
          ChildStreams.start(
            reactor: reactor, pid: pid, outputEnd: pipes.output[0], errorEnd: pipes.error[0],
            output: output
          ) { continuation.resume() }
        }
      }
    } else if let relay {
      await supervisor.supervise(control: control) { await relay.run(output: output, pid: pid) }
    } else {
      await supervisor.supervise(control: control, readers: {})
    }
    LiveChildren.shared.remove(pid)
    return LaunchResult(status: ChildSpawn.reap(pid), timedOut: supervisor.timedOut)
  }

  /// Two pipes for a child's output, their read ends non-blocking.
  private static func makePipes(_ name: String) throws(LaunchError) -> (
    output: [Int32], error: [Int32]
  ) {
    var output: [Int32] = [-1, -1]
    var error: [Int32] = [-1, -1]
    guard clinux_pipe_for_child(&output) == 0 else {
      throw .cannotStart(name, reason: Errno(rawValue: errno).description)
    }
    guard clinux_pipe_for_child(&error) == 0 else {
      let reason = Errno(rawValue: errno).description
      close(output[0])
      close(output[1])
      throw .cannotStart(name, reason: reason)
    }
    return (output, error)
  }
}
