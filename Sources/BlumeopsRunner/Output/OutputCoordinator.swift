import BlumeopsCore
import Synchronization

/// The one owner of the terminal: every line of every task, every announcement and the summary
/// pass through here, are masked, laid out by the output mode and written under one lock.
///
/// `print()` and `FileHandle` writes interleave out of order when stdout is not a terminal, so
/// nothing else in the runner writes to stdout or stderr.
public final class OutputCoordinator: Sendable {
  private struct Stream {
    var prefix: [UInt8]
    var buffered: [(OutputChannel, [UInt8])] = []
    var ended = false
    var log: TaskLog?
  }

  private struct State {
    var streams: [Int: Stream] = [:]
    /// Open streams in start order; in a contiguous layout the first one is live.
    var order: [Int] = []
    var nextID = 0
  }

  let mode: OutputMode
  let style: Style
  let ci: Bool
  let verbosity: Verbosity
  let masker: Masker
  let destination: OutputDestination
  private let labelWidth: Int
  private let logDirectory: String?
  private let storageWarning: StorageWarning?
  /// Blocks per task: in group mode, and in CI, where `::group::` needs contiguous output.
  private let contiguous: Bool
  private let state = Mutex(State())

  public init(
    mode: OutputMode, color: Bool, ci: Bool = false, verbosity: Verbosity = .normal,
    labels: [String] = [], masker: Masker = Masker(), destination: OutputDestination = .init(),
    logDirectory: String? = nil, storageWarning: StorageWarning? = nil
  ) {
    self.mode = mode
    self.style = Style(color: color)
    self.ci = ci
    self.verbosity = verbosity
    self.masker = masker
    self.destination = destination
    self.labelWidth = labels.map(\.count).max() ?? 0
    self.logDirectory = logDirectory
    self.storageWarning = storageWarning
    self.contiguous = mode == .group || ci
  }

  /// Opens the output of a starting task; `colorIndex` picks its prefix colour.
  func open(label: String, colorIndex: Int) -> Int {
    let prefix = LinePrefixer.prefix(
      label: label, width: labelWidth, style: style, colorIndex: colorIndex)
    let log = logDirectory.map { TaskLog(directory: $0, label: label, warning: storageWarning) }
    return state.withLock { state in
      let id = state.nextID
      state.nextID += 1
      state.streams[id] = Stream(prefix: prefix, log: log)
      state.order.append(id)
      return id
    }
  }

  /// Creates a task's log before its first output, for a step that always writes some.
  func openLog(_ stream: Int) {
    state.withLock { $0.streams[stream]?.log }?.create()
  }

  /// Takes whole lines of a task's output (a missing last newline is added).
  func write(_ stream: Int, _ channel: OutputChannel, _ lines: [UInt8]) {
    guard !lines.isEmpty else { return }
    var masked = masker.mask(bytes: lines) ?? lines
    if masked.last != UInt8(ascii: "\n") { masked.append(UInt8(ascii: "\n")) }
    guard let (prefix, log) = state.withLock({ $0.streams[stream].map { ($0.prefix, $0.log) } })
    else { return }
    // Formatting happens outside the lock; only the write itself is serialised.
    log?.append(masked)
    let laidOut = mode == .prefix ? LinePrefixer.prefix(masked, with: prefix) : masked
    state.withLock { emit(stream, channel, laidOut, &$0) }
  }

  /// Prints runner lines about a task, in its block when output is grouped. A `nested` one (a
  /// sub-task) never opens a CI group: they do not nest. In CI they go to stdout, so that the
  /// `::group::` markers stay in order with the task output they enclose.
  func announce(_ stream: Int, _ announcement: Announcement, nested: Bool = false) {
    guard let bytes = render(announcement, ci: ci && !nested) else { return }
    let channel: OutputChannel = ci ? .standardOutput : .standardError
    state.withLock { emit(stream, channel, bytes, &$0) }
  }

  /// Prints runner lines that belong to no task (the summary, errors) to stderr.
  func announce(lines: [String]) {
    guard !lines.isEmpty else { return }
    let bytes = Array(masker.mask(lines.joined(separator: "\n") + "\n").utf8)
    state.withLock { _ in destination.write(bytes, to: .standardError) }
  }

  /// Ends a task's output; in a contiguous layout the next oldest task's block follows.
  func close(_ stream: Int) {
    state.withLock { state in
      state.streams[stream]?.log?.close()
      state.streams[stream]?.ended = true
      // A buffered block that ended stays until it is its turn.
      guard !contiguous || state.order.first == stream else { return }
      state.order.removeAll { $0 == stream }
      state.streams[stream] = nil
      if contiguous { promote(&state) }
    }
  }

  private func render(_ announcement: Announcement, ci: Bool) -> [UInt8]? {
    if verbosity == .quiet && !announcement.isFailure { return nil }
    if case .command = announcement, verbosity < .verbose { return nil }
    let lines = announcement.lines(style: style, ci: ci)
    return Array(masker.mask(lines.joined(separator: "\n") + "\n").utf8)
  }

  private func emit(
    _ stream: Int, _ channel: OutputChannel, _ bytes: [UInt8], _ state: inout State
  ) {
    if contiguous && state.order.first != stream {
      state.streams[stream]?.buffered.append((channel, bytes))
    } else {
      destination.write(bytes, to: channel)
    }
  }

  /// Flushes buffered blocks of the streams now at the head of the line, until a live one.
  private func promote(_ state: inout State) {
    while let head = state.order.first, let stream = state.streams[head] {
      for (channel, bytes) in stream.buffered { destination.write(bytes, to: channel) }
      state.streams[head]?.buffered = []
      guard stream.ended else { return }
      state.order.removeFirst()
      state.streams[head] = nil
    }
  }
}
