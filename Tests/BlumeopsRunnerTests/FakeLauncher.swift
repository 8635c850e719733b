import Glibc
import Synchronization

@testable import BlumeopsRunner

/// A launcher that interprets a tiny command language instead of starting processes.
///
/// A script is `;`-separated commands: `echo TEXT` and `err TEXT` print a line to stdout or
/// stderr, `env NAME` prints a variable, `exit N` ends with status N, `sleep MS` waits (a stop
/// request ends it, as a signal would), `flaky KEY N` fails until its Nth run, `pwd` prints the
/// directory, `overlap N` waits (at most 10 s) until N scripts run at once and fails otherwise. Every run is logged as `start SCRIPT` / `end SCRIPT` events, in order.
final class FakeLauncher: ProcessLauncher {
  struct Invocation: Sendable {
    var script: String
    var environment: [String: String]
    var directory: String
    var terminal: LaunchRequest.Terminal
  }

  private struct State {
    var events: [String] = []
    var invocations: [Invocation] = []
    var counters: [String: Int] = [:]
    var running = 0
    var maximumRunning = 0
  }

  private let state = Mutex(State())
  /// What `op read` answers, by reference; nil when `op` is not installed.
  let onePassword: [String: String]?

  init(onePassword: [String: String]? = [:]) {
    self.onePassword = onePassword
  }

  var events: [String] { state.withLock { $0.events } }
  var invocations: [Invocation] { state.withLock { $0.invocations } }
  var maximumRunning: Int { state.withLock { $0.maximumRunning } }

  func launch(
    _ request: LaunchRequest, control: ProcessControl,
    output: @escaping @Sendable (OutputChannel, [UInt8]) -> Void
  ) async throws(LaunchError) -> LaunchResult {
    // A shell's `-c SCRIPT`, `op read REFERENCE`, an exec step's `tool SCRIPT`, or else the
    // words of a simple command started without a shell.
    let argv = request.argv
    let takesLastWord =
      (argv.count >= 2 && argv[argv.count - 2] == "-c") || argv.first == "op"
      || argv.first == "tool"
    let script = takesLastWord ? argv[argv.count - 1] : argv.joined(separator: " ")
    if script.hasPrefix("missing") { throw .executableNotFound("missing") }
    if request.argv.first == "op" { return try readOnePassword(script, output: output) }
    state.withLock { state in
      state.events.append("start \(script)")
      state.invocations.append(
        Invocation(
          script: script, environment: request.environment, directory: request.directory,
          terminal: request.terminal))
      state.running += 1
      state.maximumRunning = max(state.maximumRunning, state.running)
    }
    let received = Mutex<Int32?>(nil)
    control.attach { signal in received.withLock { $0 = $0 ?? signal } }
    defer {
      control.detach()
      state.withLock { state in
        state.events.append("end \(script)")
        state.running -= 1
      }
    }
    let started = ContinuousClock.now
    for command in script.split(separator: ";").map({ $0.drop(while: { $0 == " " }) }) {
      let words = command.split(separator: " ", maxSplits: 1).map(String.init)
      let argument = words.count > 1 ? words[1] : ""
      switch words.first ?? "" {
      case "echo": output(.standardOutput, Array((argument + "\n").utf8))
      case "err": output(.standardError, Array((argument + "\n").utf8))
      case "env":
        output(.standardOutput, Array(((request.environment[argument] ?? "") + "\n").utf8))
      case "pwd": output(.standardOutput, Array((request.directory + "\n").utf8))
      case "exit": return LaunchResult(status: .exited(Int32(argument) ?? 1))
      case "flaky":
        let parts = argument.split(separator: " ")
        let key = String(parts[0])
        let needed = Int(parts[1]) ?? 1
        let run = state.withLock { state -> Int in
          state.counters[key, default: 0] += 1
          return state.counters[key]!
        }
        if run < needed { return LaunchResult(status: .exited(Int32(run))) }
      case "overlap":
        let wanted = Int(argument) ?? 2
        var waited = 0
        while state.withLock({ $0.maximumRunning }) < wanted {
          guard waited < 5000 else { return LaunchResult(status: .exited(1)) }
          try? await Task.sleep(for: .milliseconds(2))
          waited += 1
        }
      case "sleep":
        let end = started.advanced(by: .milliseconds(Int(argument) ?? 0))
        // The timeout is checked before the end: a test process busy elsewhere may wake this
        // loop only after both have passed, and a real child would have been stopped.
        while true {
          if let signal = received.withLock({ $0 }) {
            return LaunchResult(status: .signaled(signal))
          }
          if let timeout = request.timeout, started.duration(to: .now) >= timeout {
            return LaunchResult(status: .signaled(SIGTERM), timedOut: true)
          }
          if ContinuousClock.now >= end { break }
          try? await Task.sleep(for: .milliseconds(2))
        }
      default: break
      }
    }
    if let signal = received.withLock({ $0 }) { return LaunchResult(status: .signaled(signal)) }
    return LaunchResult(status: .exited(0))
  }

  private func readOnePassword(
    _ reference: String, output: @Sendable (OutputChannel, [UInt8]) -> Void
  ) throws(LaunchError) -> LaunchResult {
    guard let onePassword else { throw .executableNotFound("op") }
    state.withLock { $0.events.append("op read \(reference)") }
    guard let value = onePassword[reference] else {
      output(.standardError, Array("[ERROR] could not read secret\n".utf8))
      return LaunchResult(status: .exited(1))
    }
    output(.standardOutput, Array(value.utf8))
    return LaunchResult(status: .exited(0))
  }

  func capture(
    argv: [String], directory: String, environment: [String: String]
  ) async throws(LaunchError) -> CapturedOutput {
    let collector = OutputCollector()
    let result = try await launch(
      LaunchRequest(argv: argv, directory: directory, environment: environment),
      control: ProcessControl(), output: collector.append)
    return CapturedOutput(
      status: result.status, standardOutput: collector.text(.standardOutput),
      standardError: collector.text(.standardError))
  }
}
