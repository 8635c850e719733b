import CLinux
import Glibc
import Synchronization

/// A child's two output streams and its exit, watched on the reactor thread.
///
/// Output ends at the end of both streams, or when the leader exits: a background grandchild
/// may hold the pipes open for hours, so at the leader's exit what is already in the pipes is
/// read and the streams are closed. The group sweep then deals with the grandchild.
final class ChildStreams: Sendable {
  private let open = Mutex<[PipeReader]>([])
  private let allClosed: @Sendable () -> Void

  private init(allClosed: @escaping @Sendable () -> Void) {
    self.allClosed = allClosed
  }

  /// Reads both pipes (non-blocking read ends) until they end; `allClosed` runs once both are
  /// closed.
  static func start(
    reactor: Reactor, pid: pid_t, outputEnd: Int32, errorEnd: Int32,
    output: @escaping @Sendable (OutputChannel, [UInt8]) -> Void,
    allClosed: @escaping @Sendable () -> Void
  ) {
    let streams = ChildStreams(allClosed: allClosed)
    let readers = [
      PipeReader(outputEnd, .standardOutput, reactor.reserveToken(), output),
      PipeReader(errorEnd, .standardError, reactor.reserveToken(), output),
    ]
    streams.open.withLock { $0 = readers }
    for reader in readers {
      reactor.watch(
        reader.descriptor, as: reader.token, ready: { reader.readOnce() },
        stopped: {
          reader.finish()
          streams.closed(reader)
        })
    }
    let exit = clinux_pidfd_open(pid)
    guard exit >= 0 else { return }
    reactor.watch(
      exit,
      ready: {
        streams.leaderExited(reactor)
        return false
      },
      stopped: { close(exit) })
  }

  /// On the reactor thread: takes what the pipes hold and ends the streams still open.
  private func leaderExited(_ reactor: Reactor) {
    for reader in open.withLock({ $0 }) {
      reader.drain()
      reactor.end(reader.token)
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

/// Reads one non-blocking pipe on the reactor thread and hands over whole lines.
private final class PipeReader: @unchecked Sendable {
  // Touched only on the reactor thread, one handler at a time.
  private var splitter = LineSplitter()
  let descriptor: Int32
  /// The reactor's name for this pipe's watch.
  let token: Reactor.Token
  private let channel: OutputChannel
  private let output: @Sendable (OutputChannel, [UInt8]) -> Void

  init(
    _ descriptor: Int32, _ channel: OutputChannel, _ token: Reactor.Token,
    _ output: @escaping @Sendable (OutputChannel, [UInt8]) -> Void
  ) {
    self.descriptor = descriptor
    self.token = token
    self.channel = channel
    self.output = output
  }

  /// One read; false at the end of the stream (or on a read error).
  func readOnce() -> Bool {
    let count = readChunk()
    return count > 0 || (count < 0 && (errno == EINTR || errno == EAGAIN))
  }

  /// Reads whatever the pipe holds now, without waiting for more.
  func drain() {
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

  /// After the watch has ended: hands over an unfinished last line and closes the pipe.
  func finish() {
    if let rest = splitter.finish() { output(channel, rest) }
    Glibc.close(descriptor)
  }
}

/// The reactor thread's read buffer: one for all pipes, since reads happen one at a time there.
private enum ReadArea {
  nonisolated(unsafe) static var bytes = [UInt8](repeating: 0, count: 64 << 10)
}
