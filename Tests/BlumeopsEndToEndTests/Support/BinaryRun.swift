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
    throughTerminal: Bool = false, stdinStaysOpen: Bool = false, wrapper: [String] = []
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
        "/usr/bin/env", "-C", directory, "/usr/bin/script", "-qec", quoted.joined(separator: " "),
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
