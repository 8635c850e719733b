import CLinux
import Glibc

/// Starts one child with `posix_spawn`, connected as its `LaunchRequest.Terminal` asks.
///
/// Every child gets an empty signal mask and default signal handlers (blumeops blocks and ignores
/// some itself), the requested directory, and no descriptor beyond its standard three. A piped
/// child writes to two pipes and reads `/dev/null`; a pass-through child writes to blumeops' own
/// output; both lead a process group of their own. An interactive child inherits all three
/// streams and stays in blumeops' group: in a group of its own, reading the terminal would stop
/// it with SIGTTIN.
enum ChildSpawn {
  /// The child's pid, or the `errno` of the failure.
  static func spawn(
    _ executable: String, arguments: [String], environment: [String: String],
    directory: String, terminal: LaunchRequest.Terminal, pipes: (output: Int32, error: Int32)?
  ) -> Result<pid_t, Errno> {
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    if terminal != .interactive {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    if let pipes {
      posix_spawn_file_actions_adddup2(&actions, pipes.output, 1)
      posix_spawn_file_actions_adddup2(&actions, pipes.error, 2)
    }
    posix_spawn_file_actions_addclosefrom_np(&actions, 3)
    _ = directory.withCString { posix_spawn_file_actions_addchdir_np(&actions, $0) }

    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    // Every signal, not only those ignored: glibc's child then sets each once, where a partial
    // set makes it query the others first (measured: 107 calls per child instead of 64).
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
    if terminal != .interactive {
      posix_spawnattr_setpgroup(&attributes, 0)
      flags |= POSIX_SPAWN_SETPGROUP
    }
    posix_spawnattr_setflags(&attributes, Int16(flags))

    let argv = CStrings(arguments)
    let envp = CStrings(environment.map { $0.key + "=" + $0.value })
    var pid: pid_t = 0
    // The strings must outlive the call, not just the reading of their pointers.
    let code = withExtendedLifetime((argv, envp)) {
      posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp.pointers)
    }
    return code == 0 ? .success(pid) : .failure(Errno(code))
  }

  /// Collects the exit status, which frees the pid (and the group id).
  static func reap(_ pid: pid_t) -> ExitStatus {
    var info = siginfo_t()
    while waitid(P_PID, id_t(pid), &info, WEXITED) != 0 {
      if errno != EINTR { return .exited(127) }
    }
    let status = info._sifields._sigchld.si_status
    return Int(info.si_code) == Int(CLD_EXITED) ? .exited(status) : .signaled(status)
  }
}

/// An `errno` value, with its text.
struct Errno: Error, Sendable {
  let code: Int32
  init(_ code: Int32) { self.code = code }
  static var current: Errno { Errno(errno) }
  var text: String { String(cString: strerror(code)) }
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
