import CLinux
import Glibc
import SystemPackage

/// An interactive task's terminal: a pseudo-terminal blumeops owns. The child leads a session
/// with the slave as its controlling terminal, so it sees a terminal, job control and Ctrl-C as
/// usual; blumeops copies its own terminal's keystrokes to the master in raw mode (Ctrl-C is a
/// byte the pseudo-terminal turns into SIGINT for the child), the master's output back through
/// the output coordinator, which masks and logs it, and the window size whenever it changes.
final class TerminalRelay: Sendable {
  let master: Int32
  let slave: Int32

  private init(master: Int32, slave: Int32) {
    self.master = master
    self.slave = slave
  }

  /// A new pseudo-terminal, its size that of blumeops' own terminal.
  static func open() throws(Errno) -> TerminalRelay {
    let master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard master >= 0 else { throw Errno(rawValue: errno) }
    var name = [CChar](repeating: 0, count: 128)
    guard grantpt(master) == 0, unlockpt(master) == 0, ptsname_r(master, &name, name.count) == 0
    else {
      let error = Errno(rawValue: errno)
      close(master)
      throw error
    }
    let slave = Glibc.open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard slave >= 0 else {
      let error = Errno(rawValue: errno)
      close(master)
      throw error
    }
    let relay = TerminalRelay(master: master, slave: slave)
    _ = relay.copyWindowSize(from: winsize?.none)
    return relay
  }

  /// The child has started with the slave: blumeops keeps only the master.
  func childStarted() { close(slave) }

  /// Relays until the leader has exited and its output is read, then restores the terminal.
  func run(output: @escaping @Sendable (OutputChannel, [UInt8]) -> Void, pid: pid_t) async {
    let input = isatty(0) == 1 ? RawMode(descriptor: 0) : nil
    let terminal = FileDescriptor(rawValue: master)
    let keyboard = FileDescriptor.standardInput
    defer {
      input?.restore()
      try? terminal.close()
    }
    var size = currentSize()
    var idle = 0
    var inputOpen = input != nil
    while true {
      let (fromTask, fromKeyboard) = Self.readable(master, inputOpen ? 0 : -1)
      var moved = false
      if fromTask {
        // Nothing (EIO) once every slave descriptor is closed: the child's side has gone.
        guard let bytes = try? terminal.readOnce(upTo: 16 << 10), !bytes.isEmpty else { break }
        output(.terminal, bytes)
        moved = true
      }
      if fromKeyboard {
        switch Result(catching: { () throws(Errno) in try keyboard.readOnce(upTo: 16 << 10) }) {
        case .success(let bytes) where !bytes.isEmpty:
          try? terminal.writeCompletely(bytes)
          moved = true
        case .failure(.resourceTemporarilyUnavailable): break
        default: inputOpen = false
        }
      }
      if moved {
        idle = 0
        continue
      }
      if ProcessGroup.hasExited(pid) { break }
      idle += 1
      // A pause in the output: what the masker held back (a possible start of a secret) goes out.
      if idle == 5 { output(.terminal, []) }
      if idle % 20 == 0 { size = copyWindowSize(from: size) }
      try? await Task.sleep(for: .milliseconds(10))
    }
    // What the child wrote before it ended; only what is there now, since a process it left in
    // the background may keep the terminal open (the group sweep ends it).
    while Self.readable(master, -1).0, let bytes = try? terminal.readOnce(upTo: 16 << 10),
      !bytes.isEmpty
    {
      output(.terminal, bytes)
    }
    output(.terminal, [])
  }

  /// Which of the two descriptors has something to read now (or has ended); -1 is not asked.
  private static func readable(_ first: Int32, _ second: Int32) -> (Bool, Bool) {
    var watched = [
      pollfd(fd: first, events: Int16(POLLIN), revents: 0),
      pollfd(fd: second, events: Int16(POLLIN), revents: 0),
    ]
    guard poll(&watched, 2, 0) > 0 else { return (false, false) }
    return (watched[0].revents != 0, watched[1].revents != 0)
  }

  private func currentSize() -> winsize? {
    var size = winsize()
    for descriptor: Int32 in [1, 0, 2] where ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 {
      return size
    }
    return nil
  }

  /// Gives the pseudo-terminal blumeops' terminal size when it differs from `known`.
  private func copyWindowSize(from known: winsize?) -> winsize? {
    guard var size = currentSize() else { return known }
    if let known, known.ws_row == size.ws_row, known.ws_col == size.ws_col { return known }
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    return size
  }
}

/// A terminal in raw mode until `restore`: keystrokes reach the task as typed, Ctrl-C included.
private struct RawMode {
  let descriptor: Int32
  private let saved: termios?

  init(descriptor: Int32) {
    self.descriptor = descriptor
    var settings = termios()
    guard tcgetattr(descriptor, &settings) == 0 else {
      saved = nil
      return
    }
    saved = settings
    cfmakeraw(&settings)
    _ = tcsetattr(descriptor, TCSANOW, &settings)
  }

  func restore() {
    guard var settings = saved else { return }
    _ = tcsetattr(descriptor, TCSANOW, &settings)
  }
}
