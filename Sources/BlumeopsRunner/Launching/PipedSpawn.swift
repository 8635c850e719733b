#if os(Linux)
  import CLinux
  import Glibc
  import Synchronization

  /// Runs one piped child with `posix_spawn`, its output read by the reactor thread.
  ///
  /// swift-subprocess spends about 0.3 ms of blumeops' own CPU on each child — a hop to its spawn
  /// thread, its monitor, its readers — which on 1,000 one-line tasks at `-j 4` weighed as much
  /// as a third of make's whole run. This path does what the piped mode needs and no more: the
  /// child gets `/dev/null` as stdin, two pipes, its own process group, an empty signal mask and
  /// default signal handlers (blumeops blocks SIGINT and SIGTERM itself), the requested
  /// directory, and no other descriptor.
  enum PipedSpawn {
    /// False where this path cannot work (glibc before 2.34, a kernel without pidfds): the
    /// launcher then uses swift-subprocess.
    static let isAvailable =
      SpawnActions.addChdir != nil && SpawnActions.addCloseFrom != nil
      && Reactor.shared.isAvailable && hasPidfd

    private static let hasPidfd: Bool = {
      let descriptor = clinux_pidfd_open(getpid())
      if descriptor >= 0 { close(descriptor) }
      return descriptor >= 0
    }()

    static func run(
      executable: String, _ request: LaunchRequest, environment: [String: String],
      control: ProcessControl, output: @escaping @Sendable (OutputChannel, [UInt8]) -> Void
    ) async throws(LaunchError) -> LaunchResult {
      let name = request.argv.first ?? executable
      var standardOutput: [Int32] = [-1, -1]
      var standardError: [Int32] = [-1, -1]
      guard clinux_pipe_cloexec(&standardOutput) == 0 else {
        throw .cannotStart(name, reason: String(cString: strerror(errno)))
      }
      guard clinux_pipe_cloexec(&standardError) == 0 else {
        let reason = String(cString: strerror(errno))
        close(standardOutput[0])
        close(standardOutput[1])
        throw .cannotStart(name, reason: reason)
      }
      let (pid, failure) = spawn(
        executable, arguments: request.argv, environment: environment,
        directory: request.directory, standardOutput: standardOutput[1],
        standardError: standardError[1])
      close(standardOutput[1])
      close(standardError[1])
      guard failure == 0 else {
        close(standardOutput[0])
        close(standardError[0])
        throw .cannotStart(name, reason: String(cString: strerror(failure)))
      }

      let (outputEnd, errorEnd) = (standardOutput[0], standardError[0])
      let supervisor = GroupSupervisor(pid: pid, request: request)
      await supervisor.supervise(control: control) {
        await withCheckedContinuation { continuation in
          ChildStreams.start(
            pid: pid, outputEnd: outputEnd, errorEnd: errorEnd, output: output
          ) { continuation.resume() }
        }
      }
      return LaunchResult(status: reap(pid), timedOut: supervisor.timedOut)
    }

    private static func spawn(
      _ executable: String, arguments: [String], environment: [String: String],
      directory: String, standardOutput: Int32, standardError: Int32
    ) -> (pid: pid_t, error: Int32) {
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
      posix_spawn_file_actions_init(&actions)
      posix_spawnattr_init(&attributes)
      defer {
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
      }
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
      posix_spawn_file_actions_adddup2(&actions, standardOutput, 1)
      posix_spawn_file_actions_adddup2(&actions, standardError, 2)
      _ = SpawnActions.addCloseFrom?(&actions, 3)
      _ = directory.withCString { SpawnActions.addChdir?(&actions, $0) }

      var noSignals = sigset_t()
      sigemptyset(&noSignals)
      var allSignals = sigset_t()
      sigfillset(&allSignals)
      posix_spawnattr_setsigmask(&attributes, &noSignals)
      posix_spawnattr_setsigdefault(&attributes, &allSignals)
      posix_spawnattr_setpgroup(&attributes, 0)
      posix_spawnattr_setflags(
        &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

      let argv = CStrings(arguments)
      let envp = CStrings(environment.map { $0.key + "=" + $0.value })
      var pid: pid_t = 0
      // The strings must outlive the call, not just the reading of their pointers.
      let code = withExtendedLifetime((argv, envp)) {
        posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp.pointers)
      }
      return (pid, code)
    }

    /// Collects the exit status, which frees the pid (and the group id).
    private static func reap(_ pid: pid_t) -> ExitStatus {
      var info = siginfo_t()
      while waitid(P_PID, id_t(pid), &info, WEXITED) != 0 {
        if errno != EINTR { return .exited(127) }
      }
      let status = info._sifields._sigchld.si_status
      switch Int(info.si_code) {
      case Int(CLD_EXITED): return .exited(status)
      default: return .signaled(status)
      }
    }
  }

  /// A child's two output streams and its exit, watched on the reactor thread.
  ///
  /// Output ends at the end of both streams, or when the leader exits: a background grandchild
  /// may hold the pipes open for hours, so at the leader's exit what is already in the pipes is
  /// read and the streams are closed. The group sweep then deals with the grandchild.
  private final class ChildStreams: Sendable {
    private let open = Mutex<[PipeReader]>([])
    private let allClosed: @Sendable () -> Void

    private init(allClosed: @escaping @Sendable () -> Void) {
      self.allClosed = allClosed
    }

    static func start(
      pid: pid_t, outputEnd: Int32, errorEnd: Int32,
      output: @escaping @Sendable (OutputChannel, [UInt8]) -> Void,
      allClosed: @escaping @Sendable () -> Void
    ) {
      let streams = ChildStreams(allClosed: allClosed)
      let readers = [
        PipeReader(outputEnd, .standardOutput, output),
        PipeReader(errorEnd, .standardError, output),
      ]
      streams.open.withLock { $0 = readers }
      for reader in readers {
        Reactor.shared.watch(
          reader.descriptor, ready: { reader.readOnce() },
          stopped: {
            reader.finish()
            streams.closed(reader)
          })
      }
      let exit = clinux_pidfd_open(pid)
      guard exit >= 0 else { return }
      Reactor.shared.watch(
        exit,
        ready: {
          streams.leaderExited()
          return false
        },
        stopped: { close(exit) })
    }

    /// On the reactor thread: takes what the pipes hold and ends the streams still open.
    private func leaderExited() {
      for reader in open.withLock({ $0 }) {
        reader.drain()
        Reactor.shared.end(reader.descriptor)
      }
    }

    private func closed(_ reader: PipeReader) {
      let last = open.withLock { open in
        open.removeAll { $0 === reader }
        return open.isEmpty
      }
      if last { allClosed() }
    }
  }

  /// Reads one pipe on the reactor thread and hands over whole lines.
  private final class PipeReader: @unchecked Sendable {
    // Touched only on the reactor thread, one handler at a time.
    private var splitter = LineSplitter()
    let descriptor: Int32
    private let channel: OutputChannel
    private let output: @Sendable (OutputChannel, [UInt8]) -> Void

    init(
      _ descriptor: Int32, _ channel: OutputChannel,
      _ output: @escaping @Sendable (OutputChannel, [UInt8]) -> Void
    ) {
      self.descriptor = descriptor
      self.channel = channel
      self.output = output
    }

    /// One read; false at the end of the stream.
    func readOnce() -> Bool {
      let count = readChunk()
      return count > 0 || (count < 0 && (errno == EINTR || errno == EAGAIN))
    }

    /// Reads whatever the pipe holds now, without waiting for more.
    func drain() {
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
      while true {
        let count = readChunk()
        if count > 0 || (count < 0 && errno == EINTR) { continue }
        return
      }
    }

    /// Reads once and hands over the lines completed; the `read` result.
    private func readChunk() -> Int {
      let count = ReadArea.bytes.withUnsafeMutableBytes { area in
        read(descriptor, area.baseAddress, area.count)
      }
      guard count > 0 else { return count }
      let batch = ReadArea.bytes.withUnsafeBytes { area in
        splitter.feed(UnsafeRawBufferPointer(rebasing: area[..<count]))
      }
      if let batch { output(channel, batch) }
      return count
    }

    func finish() {
      if let rest = splitter.finish() { output(channel, rest) }
      Glibc.close(descriptor)
    }
  }

  /// The reactor thread's read buffer: one for all pipes, since reads happen one at a time there.
  private enum ReadArea {
    nonisolated(unsafe) static var bytes = [UInt8](repeating: 0, count: 64 << 10)
  }

  /// NUL-terminated copies of strings, as `char *const []`, freed with the value.
  private final class CStrings {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
      pointers = strings.map { strdup($0) } + [nil]
    }

    deinit {
      for pointer in pointers { free(pointer) }
    }
  }

  /// glibc's file actions for the child's directory and descriptors, looked up at run time: they
  /// are GNU extensions (2.29 and 2.34) that Swift's Glibc module does not declare.
  private enum SpawnActions {
    typealias AddChdir =
      @convention(c) (
        UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
      ) -> Int32
    typealias AddCloseFrom =
      @convention(c) (
        UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32
      ) -> Int32

    static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
    static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")

    private static func symbol<T>(_ name: String) -> T? {
      guard let handle = dlopen(nil, RTLD_NOW), let found = dlsym(handle, name) else {
        return nil
      }
      return unsafeBitCast(found, to: T.self)
    }
  }
#endif
