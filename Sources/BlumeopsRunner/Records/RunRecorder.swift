import BlumeopsCore
import Synchronization

/// Follows a run for its machine-readable records: counts each task's output lines, keeps the
/// last lines of each (for the JUnit report), and writes `--events` as they happen. Everything it
/// keeps or writes is masked.
public final class RunRecorder: RunObserver {
  /// How many of a task's last output lines a failure's report quotes.
  public static let tailLines = 30
  /// A kept line is cut to this many bytes: the tail quotes, it does not archive.
  static let longestKeptLine = 2048
  /// A task's line count is reported at most this often while it runs (and once at its end).
  static let outputInterval: Duration = .seconds(1)

  struct NodeState {
    var started: Double?
    var lines = 0
    var reportedLines = 0
    var lastReport: ContinuousClock.Instant?
    var tail = LineTail(limit: RunRecorder.tailLines)
    var ended = false
  }

  public let plan: Plan
  private let events: EventWriter?
  private let state: Mutex<[NodeState]>
  private let maskerBox = Mutex<Masker?>(nil)

  /// `events`, when given, receives one NDJSON line per event.
  public init(plan: Plan, events: EventWriter?) {
    self.plan = plan
    self.events = events
    state = Mutex(Array(repeating: NodeState(), count: plan.nodes.count))
  }

  /// The run's masker, once the executor made it: it also knows secrets captured on the way.
  public var masker: Masker? {
    get { maskerBox.withLock { $0 } }
    set { maskerBox.withLock { $0 = newValue } }
  }

  public func runStarted(id: String, start: Double, command: String) {
    events?.write(RunEvent.runStarted(id: id, time: start, command: command, plan: plan), masker)
  }

  public func taskStarted(node: Int) {
    let now = WallClock.now()
    state.withLock { $0[node].started = now }
    events?.write(RunEvent.taskStarted(node: node, plan: plan, time: now), masker)
  }

  public func taskOutput(node: Int, lines: [UInt8]) {
    let count = lines.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    let report: Int? = state.withLock { states in
      states[node].lines += count
      states[node].tail.append(lines, longest: Self.longestKeptLine)
      guard events != nil else { return nil }
      let now = ContinuousClock.now
      if let last = states[node].lastReport, last.duration(to: now) < Self.outputInterval {
        return nil
      }
      states[node].lastReport = now
      states[node].reportedLines = states[node].lines
      return states[node].lines
    }
    if let report {
      events?.write(
        RunEvent.taskOutput(node: node, plan: plan, time: WallClock.now(), lines: report), masker)
    }
  }

  public func taskEnded(node: Int, entry: RunReport.Entry) {
    let (lines, unreported) = state.withLock { states in
      states[node].ended = true
      return (states[node].lines, states[node].lines != states[node].reportedLines)
    }
    let now = WallClock.now()
    if unreported {
      events?.write(RunEvent.taskOutput(node: node, plan: plan, time: now, lines: lines), masker)
    }
    events?.write(
      RunEvent.taskEnded(
        node: node, plan: plan, entry: entry, time: now, lines: lines, reason: nil), masker)
  }

  /// Ends the record: a `task-ended` for each task that never started (with why), then
  /// `run-ended`.
  public func runEnded(_ report: RunReport, start: Double, end: Double) {
    let ended = state.withLock { $0.map(\.ended) }
    for node in plan.nodes.indices where !ended[node] {
      events?.write(
        RunEvent.taskEnded(
          node: node, plan: plan, entry: report.nodes[node], time: end, lines: 0,
          reason: report.reason(node: node, plan: plan)), masker)
    }
    events?.write(RunEvent.runEnded(report, time: end, start: start), masker)
  }

  /// A task's last output lines (masked), and how many it printed in all.
  public func output(of node: Int) -> (tail: [String], lines: Int) {
    state.withLock { ($0[node].tail.lines, $0[node].lines) }
  }
}

/// The last `limit` lines of a stream of bytes.
struct LineTail {
  let limit: Int
  private var kept: [String] = []
  private var head = 0

  init(limit: Int) { self.limit = limit }

  mutating func append(_ bytes: [UInt8], longest: Int) {
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .dropLast(bytes.last == UInt8(ascii: "\n") ? 1 : 0)
    {
      let text = String(decoding: line.prefix(longest), as: UTF8.self)
      if kept.count < limit {
        kept.append(text)
      } else {
        kept[head] = text
        head = (head + 1) % limit
      }
    }
  }

  var lines: [String] { Array(kept[head...] + kept[..<head]) }
}
