#if canImport(Glibc)
  import Glibc
#endif

/// A line written to stderr if the process dies of a signal while a mutant is being tried, so an
/// in-process crash still names the seed and the mutant to replay. Set before each mutant; the
/// handler only writes bytes prepared beforehand, then hands the signal on.
public enum CrashNote {
  private static let capacity = 256
  nonisolated(unsafe) private static let buffer = UnsafeMutablePointer<CChar>.allocate(
    capacity: capacity)
  nonisolated(unsafe) private static var length = 0
  nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]
  private static let signals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
  private static let alternateStackSize = 1 << 16
  nonisolated(unsafe) private static let alternateStack = UnsafeMutableRawPointer.allocate(
    byteCount: alternateStackSize, alignment: 16)

  /// Installs the handlers once (for the whole process) and, unless it has one, an alternate
  /// signal stack for the calling thread (one thread at a time), so a stack overflow on it can
  /// still be reported.
  public static func install() {
    if previous.isEmpty {
      for signal in signals {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { number, info, context in
          _ = write(2, CrashNote.buffer, CrashNote.length)
          CrashNote.handOn(number, info, context)
        }
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigemptyset(&action.sa_mask)
        var old = sigaction()
        sigaction(signal, &action, &old)
        previous[signal] = old
      }
    }
    // Keep a stack the thread already has: the address sanitizer gives each thread one, and
    // unmaps it itself when the thread ends.
    var current = stack_t()
    sigaltstack(nil, &current)
    guard current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
    var stack = stack_t()
    stack.ss_sp = alternateStack
    stack.ss_size = alternateStackSize
    stack.ss_flags = 0
    sigaltstack(&stack, nil)
  }

  /// Stops using the alternate stack on the calling thread (before it ends).
  public static func uninstallStack() {
    var current = stack_t()
    sigaltstack(nil, &current)
    guard current.ss_sp == alternateStack else { return }
    var disabled = stack_t()
    disabled.ss_flags = Int32(SS_DISABLE)
    sigaltstack(&disabled, nil)
  }

  /// The text to write if the process crashes from now on.
  public static func set(_ text: String) {
    let bytes = Array(("\n" + text + "\n").utf8.prefix(capacity))
    length = 0
    for (index, byte) in bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
    length = bytes.count
  }

  public static func clear() { length = 0 }

  private static func handOn(
    _ number: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
  ) {
    guard var old = previous[number] else { return }
    if old.sa_flags & SA_SIGINFO != 0, let handler = old.__sigaction_handler.sa_sigaction {
      handler(number, info, context)
      return
    }
    // The default action (or a plain handler): restore it and let the signal take its course.
    sigaction(number, &old, nil)
    raise(number)
  }
}
