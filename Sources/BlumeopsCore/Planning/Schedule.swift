/// The pure scheduling state of a run: which nodes may start now, given what has finished.
///
/// The runner asks `takeReady(limit:)`, starts those processes, and reports each end with
/// `finish(_:_:)`. Dependents of a failure are `skipped`; after `stop()` (fail-fast or an interrupt)
/// nothing new starts except `depends_post` nodes of tasks that started.
public struct Schedule: Sendable {
  public enum State: String, Sendable, Equatable {
    case pending, running, succeeded, upToDate = "up-to-date", failed, skipped, cancelled

    public var isTerminal: Bool { self != .pending && self != .running }
    public var isSuccess: Bool { self == .succeeded || self == .upToDate }
  }

  public private(set) var states: [State]
  public private(set) var isStopped = false
  public let keepGoing: Bool

  private let prerequisites: [[Int]]
  private let dependencies: [[Int]]
  private let after: [[Int]]
  private let dependents: [[Int]]
  private let exclusive: [Bool]
  private var waiting: [Int]
  private var started: [Bool]
  private var ready: [Int] = []
  private var readyHead = 0
  private var runningCount = 0
  private var runningExclusive = false

  public init(plan: Plan, keepGoing: Bool = false) {
    let count = plan.nodes.count
    self.keepGoing = keepGoing
    // Closures rather than key paths: each key path literal here was built at run time on first
    // use, a cost every run paid before its first task.
    dependencies = plan.nodes.map { $0.dependencies }
    after = plan.nodes.map { $0.after }
    prerequisites = plan.nodes.map { Array(Set($0.dependencies + $0.after)) }
    exclusive = plan.nodes.map { $0.task.interactive }
    var reverse = [[Int]](repeating: [], count: count)
    for (index, required) in prerequisites.enumerated() {
      for prerequisite in required { reverse[prerequisite].append(index) }
    }
    dependents = reverse
    waiting = prerequisites.map { $0.count }
    states = [State](repeating: .pending, count: count)
    started = [Bool](repeating: false, count: count)
    for index in 0..<count where waiting[index] == 0 { resolve(index) }
  }

  /// True when nothing is running and nothing more can start.
  public var isFinished: Bool { runningCount == 0 && readyHead == ready.count }

  /// Takes up to `limit - running` ready nodes and marks them running. Interactive nodes run alone.
  public mutating func takeReady(limit: Int) -> [Int] {
    var taken: [Int] = []
    while readyHead < ready.count, runningCount < max(1, limit), !runningExclusive {
      let next = ready[readyHead]
      if exclusive[next] && runningCount > 0 { break }
      readyHead += 1
      states[next] = .running
      started[next] = true
      runningCount += 1
      taken.append(next)
      if exclusive[next] {
        runningExclusive = true
        break
      }
    }
    return taken
  }

  /// Records how a running node ended: `.succeeded`, `.upToDate`, `.failed` or `.cancelled`.
  public mutating func finish(_ node: Int, _ outcome: State) {
    precondition(states[node] == .running, "finish of a node that is not running")
    runningCount -= 1
    if exclusive[node] { runningExclusive = false }
    states[node] = outcome
    if outcome == .failed && !keepGoing { stop() }
    release(node)
  }

  /// Starts nothing new from now on, except `depends_post` nodes of started tasks.
  public mutating func stop() {
    guard !isStopped else { return }
    isStopped = true
    var kept: [Int] = []
    var cancelled: [Int] = []
    for node in ready[readyHead...] {
      if after[node].isEmpty { cancelled.append(node) } else { kept.append(node) }
    }
    ready = kept
    readyHead = 0
    for node in cancelled { settle(node, .cancelled) }
  }

  private mutating func settle(_ node: Int, _ state: State) {
    states[node] = state
    release(node)
  }

  private mutating func release(_ node: Int) {
    for dependent in dependents[node] {
      waiting[dependent] -= 1
      if waiting[dependent] == 0 { resolve(dependent) }
    }
  }

  /// Decides what becomes of a node whose prerequisites have all ended.
  private mutating func resolve(_ node: Int) {
    let dependenciesSucceeded = dependencies[node].allSatisfy { states[$0].isSuccess }
    if !after[node].isEmpty {
      if after[node].contains(where: { started[$0] }) && dependenciesSucceeded {
        ready.append(node)
      } else {
        settle(node, .skipped)
      }
    } else if isStopped {
      settle(node, .cancelled)
    } else if !dependenciesSucceeded {
      settle(node, .skipped)
    } else {
      ready.append(node)
    }
  }
}
