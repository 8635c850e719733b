extension Plan {
  /// `--only`: the invoked tasks alone, without the tasks they depend on or that follow them.
  /// Each keeps its own steps, sub-task steps included.
  public func onlyRoots() -> Plan {
    var seen: Set<Int> = []
    let kept = roots.filter { seen.insert($0).inserted }
    let nodes = kept.enumerated().map { index, node in
      PlanNode(id: index, task: self.nodes[node].task)
    }
    return Plan(nodes: nodes, roots: Array(nodes.indices), root: root)
  }
}
