import Glibc

/// The outcome of running the built `blumeops` binary.
struct BinaryRun {
  var status: Int32
  var stdout: String
  var stderr: String

  var output: String { stdout + stderr }
}

/// Starts the built binary with posix_spawn: a clean signal mask and default dispositions, so
/// signals sent by the tests reach it as they would from a terminal.
struct RunningBinary {
  let pid: pid_t
  let stdoutPath: String
  let stderrPath: String
  /// The writing end of a stdin that never ends (a FIFO), held until `wait` returns.
  var openStdin: Int32 = -1

  static var binaryPath: String {
    let testBinary = CommandLine.arguments[0]
    var directory = String(testBinary[..<(testBinary.lastIndex(of: "/") ?? testBinary.startIndex)])
    // The test bundle may be a directory (`*.xctest/Contents/MacOS/...`); walk up to the bin folder.
    while !directory.isEmpty, access(directory + "/blumeops", X_OK) != 0 {
      guard let slash = directory.lastIndex(of: "/") else { break }
      directory = String(directory[..<slash])
    }
    return directory + "/blumeops"
  }

  /// `throughTerminal` runs the binary inside `script(1)`, so its stdout and stderr are a
  /// pseudo-terminal (both then arrive in `stdout`). `stdinStaysOpen` gives it a stdin that
  /// neither holds data nor ends, like a terminal nobody types at. `wrapper` is an argv that
  /// starts the rest (`prlimit --data=… --`).
  static func start(
    _ arguments: [String], in directory: String, environment: [String: String], stdin: String?,
    throughTerminal: Bool = false, stdinStaysOpen: Bool = false,
    terminalSize: (rows: Int, columns: Int)? = nil, wrapper: [String] = []
  ) -> RunningBinary {
    let scratch = Fixture.makeTemporaryDirectory(prefix: "run")
    let stdoutPath = scratch + "/stdout"
    let stderrPath = scratch + "/stderr"
    let stdinPath = scratch + "/stdin"
    var openStdin: Int32 = -1
    if stdinStaysOpen {
      mkfifo(stdinPath, 0o600)
      openStdin = open(stdinPath, O_RDWR | O_CLOEXEC)
    } else {
      _ = Fixture.write(stdin ?? "", to: stdinPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(
      &actions, 0, stdin == nil && !stdinStaysOpen ? "/dev/null" : stdinPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    // `env -C` changes directory and then execs blumeops, keeping the pid the test signals.
    let quoted = ([binaryPath] + arguments).map { "'" + $0.replacing("'", with: "'\\''") + "'" }
    let argv =
      throughTerminal
      ? [
        "/usr/bin/env", "-C", directory, "/usr/bin/script", "-qec",
        (terminalSize.map { "stty rows \($0.rows) cols \($0.columns); exec " } ?? "")
          + quoted.joined(separator: " "),
        "/dev/null",
      ]
      : wrapper + ["/usr/bin/env", "-C", directory, binaryPath] + arguments
    let environ = environment.map { "\($0.key)=\($0.value)" }
    var cArguments = argv.map { strdup($0) } + [nil]
    var cEnvironment = environ.map { strdup($0) } + [nil]
    defer {
      cArguments.forEach { free($0) }
      cEnvironment.forEach { free($0) }
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    var pid: pid_t = 0
    let result = posix_spawn(
      &pid, argv[0], &actions, &attributes, &cArguments, &cEnvironment)
    precondition(result == 0, "cannot start \(binaryPath): \(result)")
    return RunningBinary(
      pid: pid, stdoutPath: stdoutPath, stderrPath: stderrPath, openStdin: openStdin)
  }

  func signal(_ number: Int32) { kill(pid, number) }

  /// Waits for the binary to end; one still running after `limit` is killed, and the run reports
  /// status -1 with a note, so a hang fails its test instead of stalling the suite.
  func wait(limit: Duration = .seconds(120)) -> BinaryRun {
    var status: Int32 = 0
    let deadline = ContinuousClock.now.advanced(by: limit)
    while true {
      let ended = waitpid(pid, &status, WNOHANG)
      if ended == pid || (ended < 0 && errno != EINTR) { break }
      if ContinuousClock.now >= deadline {
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if openStdin >= 0 { close(openStdin) }
        return BinaryRun(
          status: -1, stdout: Fixture.read(stdoutPath) ?? "",
          stderr: (Fixture.read(stderrPath) ?? "") + "\n[killed: still running after \(limit)]")
      }
      usleep(2_000)
    }
    if openStdin >= 0 { close(openStdin) }
    let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return BinaryRun(
      status: code, stdout: Fixture.read(stdoutPath) ?? "", stderr: Fixture.read(stderrPath) ?? "")
  }
}

extension RunningBinary {
  /// `wait`, without holding one of the test runner's few threads while the binary runs: other
  /// suites' awaits would otherwise starve on a two-core machine.
  func finished(limit: Duration = .seconds(120)) async -> BinaryRun {
    let deadline = ContinuousClock.now.advanced(by: limit)
    while ContinuousClock.now < deadline {
      var info = siginfo_t()
      // Looks without reaping; `wait` reaps it at once below.
      if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info.si_signo != 0 {
        break
      }
      try? await Task.sleep(for: .milliseconds(5))
    }
    return wait(limit: ContinuousClock.now < deadline ? limit : .zero)
  }
}

/// `processesLeft`, waiting without holding a thread: the processes matching `marker` still
/// there after `limit`.
func processesGone(_ marker: String, within limit: Duration = .seconds(10)) async -> [Int32] {
  let deadline = ContinuousClock.now.advanced(by: limit)
  var left = processesMatching(marker)
  while !left.isEmpty, ContinuousClock.now < deadline {
    try? await Task.sleep(for: .milliseconds(50))
    left = processesMatching(marker)
  }
  return left
}

/// Waits, without holding a thread, until at least `count` processes match `marker`, or `limit`.
func processesStarted(_ marker: String, count: Int, within limit: Duration = .seconds(30)) async {
  let deadline = ContinuousClock.now.advanced(by: limit)
  while processesMatching(marker).count < count, ContinuousClock.now < deadline {
    try? await Task.sleep(for: .milliseconds(50))
  }
}

/// A `sleep` command line that no other test process on the machine runs or looks for (suites
/// of several checkouts may run at once, and some kill every `sleep 30…` they find): 9, this
/// process's pid, 0, then `base`.
func uniqueSleep(_ base: Int) -> String { "sleep 9\(getpid())0\(base)" }
