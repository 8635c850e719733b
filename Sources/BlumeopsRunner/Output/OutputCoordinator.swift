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
    /// The plan node whose output this is, for the observer.
    var node: Int
    var waiting = WaitingOutput()
    var ended = false
    var log: TaskLog?
    /// The end of a long line's last piece, held back until the next piece or the end, so
    /// that a secret cut between two pieces is still masked (`Masker.safeCut`).
    var carry: [OutputChannel: [UInt8]] = [:]
    /// What the stream printed since `tap`, masked, both channels (the last 1 MiB).
    var tapped: [UInt8]?
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
  private let observer: (any RunObserver)?
  /// Blocks per task: in group mode, and in CI, where `::group::` needs contiguous output.
  private let contiguous: Bool
  private let state = Mutex(State())

  public init(
    mode: OutputMode, color: Bool, ci: Bool = false, verbosity: Verbosity = .normal,
    labels: [String] = [], masker: Masker = Masker(), destination: OutputDestination = .init(),
    logDirectory: String? = nil, storageWarning: StorageWarning? = nil,
    observer: (any RunObserver)? = nil
  ) {
    self.observer = observer
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
      state.streams[id] = Stream(prefix: prefix, node: colorIndex, log: log)
      state.order.append(id)
      return id
    }
  }

  /// Creates a task's log before its first output, for a step that always writes some.
  func openLog(_ stream: Int) {
    state.withLock { $0.streams[stream]?.log }?.create()
  }

  /// Takes whole lines of a task's output, or a piece of a long line (no line break at its
  /// end), which goes out as a line of its own.
  func write(_ stream: Int, _ channel: OutputChannel, _ lines: [UInt8]) {
    if channel == .terminal { return relay(stream, lines) }
    guard !lines.isEmpty else { return }
    guard
      let (prefix, node, log, held) = state.withLock({ state in
        state.streams[stream].map { current in
          let carried = state.streams[stream]?.carry.removeValue(forKey: channel)
          return (current.prefix, current.node, current.log, carried.map { $0 + lines } ?? lines)
        }
      })
    else { return }
    var text = held
    if text.last != UInt8(ascii: "\n") {
      // Short: the unfinished last line of a step, kept whole until its end. Long: a piece.
      let cut = text.count < LineSplitter.longestLine ? 0 : masker.safeCut(text)
      if cut < text.count {
        let rest = Array(text[cut...])
        state.withLock { $0.streams[stream]?.carry[channel] = rest }
        text.removeSubrange(cut...)
      }
      guard !text.isEmpty else { return }
      text.append(UInt8(ascii: "\n"))
    }
    let masked = masker.mask(bytes: text) ?? text
    // Formatting happens outside the lock; only the write itself is serialised.
    log?.append(masked)
    observer?.taskOutput(node: node, lines: masked)
    let laidOut = mode == .prefix ? LinePrefixer.prefix(masked, with: prefix) : masked
    state.withLock { state in
      if state.streams[stream]?.tapped != nil { Self.keep(masked, in: &state.streams[stream]!) }
      emit(stream, channel, laidOut, &state)
    }
  }

  /// Prints runner lines about a task, in its block when output is grouped. A `nested` one (a
  /// sub-task) never opens a CI group: they do not nest. In CI they go to stdout, so that the
  /// `::group::` markers stay in order with the task output they enclose.
  func announce(_ stream: Int, _ announcement: Announcement, nested: Bool = false) {
    guard let bytes = render(announcement, ci: ci && !nested) else { return }
    let channel: OutputChannel = ci ? .standardOutput : .standardError
    state.withLock { emit(stream, channel, bytes, &$0) }
  }

  private static func keep(_ bytes: [UInt8], in stream: inout Stream) {
    stream.tapped! += bytes
    let excess = stream.tapped!.count - (1 << 20)
    if excess > 0 { stream.tapped!.removeFirst(excess) }
  }

  /// An interactive task's terminal output, as written (prompts have no line break), masked:
  /// what could be the start of a secret waits for the next bytes, or for a pause (an empty
  /// batch), so that a secret written in two pieces is still masked.
  private func relay(_ stream: Int, _ bytes: [UInt8]) {
    guard
      let (log, held) = state.withLock({ state in
        state.streams[stream].map { current in
          (current.log, state.streams[stream]?.carry.removeValue(forKey: .terminal) ?? [])
        }
      })
    else { return }
    let text = held + bytes
    guard !text.isEmpty else { return }
    let (shown, rest) = bytes.isEmpty ? (masker.mask(bytes: text) ?? text, []) : masker.split(text)
    if !rest.isEmpty { state.withLock { $0.streams[stream]?.carry[.terminal] = rest } }
    guard !shown.isEmpty else { return }
    log?.append(shown)
    state.withLock { emit(stream, .standardOutput, shown, &$0) }
  }

  /// Starts keeping what the stream prints (masked), for `untap`: a preview's summary is read
  /// from what the operator was shown.
  func tap(_ stream: Int) {
    state.withLock { $0.streams[stream]?.tapped = [] }
  }

  /// What the stream printed since `tap`; keeping stops.
  func untap(_ stream: Int) -> String {
    endLine(stream)
    let bytes = state.withLock { state in
      defer { state.streams[stream]?.tapped = nil }
      return state.streams[stream]?.tapped ?? []
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Prints runner lines that belong to no task (the summary, errors) to stderr.
  func announce(lines: [String]) {
    guard !lines.isEmpty else { return }
    let bytes = Array(masker.mask(lines.joined(separator: "\n") + "\n").utf8)
    state.withLock { _ in destination.write(bytes, to: .standardError) }
  }

  /// A step's process has ended: the end of its unfinished last line, if held back, goes out
  /// as a line of its own.
  func endLine(_ stream: Int) {
    let carried = state.withLock { state in
      defer { state.streams[stream]?.carry = [:] }
      return state.streams[stream]?.carry ?? [:]
    }
    for channel in [OutputChannel.standardOutput, .standardError] {
      if let rest = carried[channel] { write(stream, channel, rest + [UInt8(ascii: "\n")]) }
    }
  }

  /// Ends a task's output; in a contiguous layout the next oldest task's block follows.
  func close(_ stream: Int) {
    endLine(stream)
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
      state.streams[stream]?.waiting.append(channel, bytes)
    } else {
      destination.write(bytes, to: channel)
    }
  }

  /// Flushes buffered blocks of the streams now at the head of the line, until a live one.
  private func promote(_ state: inout State) {
    while let head = state.order.first, let ended = state.streams[head]?.ended {
      state.streams[head]?.waiting.replay { channel, bytes in destination.write(bytes, to: channel)
      }
      guard ended else { return }
      state.order.removeFirst()
      state.streams[head] = nil
    }
  }
}
