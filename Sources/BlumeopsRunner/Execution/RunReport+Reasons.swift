import BlumeopsCore

extension RunReport {
  /// Why a plan node did not run to its end, in a few words: `sources unchanged`, `dependency
  /// \`a\` failed`, `stopped after a failure`, `interrupted`. Nil for a task that ran.
  public func reason(node: Int, plan: Plan) -> String? {
    switch nodes[node].state {
    case .upToDate:
      return "up to date: sources unchanged since the last success"
    case .skipped:
      let blocking = plan.nodes[node].dependencies.first { !nodes[$0].state.isSuccess }
      return blocking.map { "dependency `\(nodes[$0].label)` \(nodes[$0].state.rawValue)" }
        ?? "a dependency did not succeed"
    case .cancelled:
      if interruptSignal != nil { return "interrupted" }
      return nodes[node].duration == nil ? "not started after a failure" : "stopped after a failure"
    case .pending, .running:
      return "not started"
    case .succeeded, .failed:
      return nil
    }
  }

  /// How a task ended, for people: `exited 2`, `timed out`, `after 3 attempts`.
  public func status(node: Int) -> String {
    nodes[node].detail ?? nodes[node].state.rawValue
  }
}
