import CLinux
import Glibc
import SystemPackage

/// Starts one child through the shim's `clinux_spawn`, connected as its `LaunchRequest.Terminal`
/// asks.
///
/// Every child gets an empty signal mask and default signal actions (blumeops blocks and ignores
/// some itself), the requested directory, and no descriptor beyond its standard three and the
/// ones it is asked to keep (the locks its task holds). A piped child writes to two pipes and
/// reads `/dev/null`; a pass-through child writes to blumeops' own output; both lead a process
/// group of their own. A relayed child leads a session of its own, its three streams the slave
/// of a pseudo-terminal blumeops relays (`TerminalRelay`).
///
/// Each child is told with SIGTERM when the thread that started it ends (`PR_SET_PDEATHSIG`),
/// which posix_spawn cannot ask for: so a `kill -9` of blumeops still reaches every task's
/// leader. The signal follows the *thread*, so children are started only on the spawn thread,
/// which lives as long as the process.
enum ChildSpawn {
  /// What a child is sent when blumeops dies without stopping it.
  static let parentDeathSignal = SIGTERM

  /// The parent's pid, for the child's check that it was not orphaned before it asked for the
  /// signal.
  static let parent = getpid()

  /// `/dev/null`, opened once for every piped child's stdin (-1: each child opens its own).
  static let nullDevice = open("/dev/null", O_RDONLY | O_CLOEXEC)

  /// A child's start with every C string made: built by the task that starts it, so the spawn
  /// thread, which every start goes through in turn, only starts it.
  final class Prepared: @unchecked Sendable {
    // Immutable once made; the spawn thread reads it while its maker waits.
    private let path: CStrings
    private let argv: CStrings
    private let envp: CStrings
    private let kept: [Int32]
    private let pipes: (output: Int32, error: Int32)?
    private let terminalDevice: Int32

    init(
      _ executable: String, arguments: [String], environment: [String: String],
      directory: String, pipes: (output: Int32, error: Int32)?, keeping kept: [Int32] = [],
      terminalDevice: Int32 = -1
    ) {
      path = CStrings([executable, directory])
      argv = CStrings(arguments)
      envp = CStrings(environment.map { $0.key + "=" + $0.value })
      self.kept = kept.filter { $0 > 2 }.sorted()
      self.pipes = pipes
      self.terminalDevice = terminalDevice
    }

    /// Starts it: the child's pid, or the `errno` of the failure.
    func spawn() -> Result<pid_t, Errno> {
      kept.withUnsafeBufferPointer { keptBuffer in
        argv.pointers.withUnsafeBufferPointer { argvBuffer in
          envp.pointers.withUnsafeBufferPointer { envpBuffer in
            var request = clinux_spawn_request(
              path: path.pointers[0], argv: argvBuffer.baseAddress, envp: envpBuffer.baseAddress,
              directory: path.pointers[1], output: pipes?.output ?? -1,
              error: pipes?.error ?? -1, null_input: terminalDevice < 0 ? 1 : 0,
              null_device: ChildSpawn.nullDevice, own_group: 1,
              parent_death_signal: parentDeathSignal, kept: keptBuffer.baseAddress,
              kept_count: Int32(keptBuffer.count), parent: ChildSpawn.parent,
              terminal: terminalDevice, failure: 0)
            let pid = clinux_spawn(&request)
            return pid > 0
              ? .success(pid)
              : .failure(Errno(rawValue: request.failure != 0 ? request.failure : EINVAL))
          }
        }
      }
    }
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

/// NUL-terminated copies of strings, as `char *const []`, freed with the value.
final class CStrings {
  let pointers: [UnsafeMutablePointer<CChar>?]

  init(_ strings: [String]) {
    pointers = strings.map { strdup($0) } + [nil]
  }

  deinit {
    for pointer in pointers { free(pointer) }
  }
}
