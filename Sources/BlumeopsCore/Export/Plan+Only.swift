extension Plan {
  /// `--only`: the invoked tasks alone, without the tasks they depend on or that follow them.
  /// Each keeps its own steps, sub-task steps included, and the edges between invoked tasks
  /// stay (`--only run build ::: deploy` still builds first when deploy depends on build).
  public func onlyRoots() -> Plan {
    var position: [Int: Int] = [:]
    var kept: [Int] = []
    for node in roots where position[node] == nil {
      position[node] = kept.count
      kept.append(node)
    }
    let nodes = kept.enumerated().map { index, node in
      PlanNode(
        id: index, task: self.nodes[node].task,
        dependencies: self.nodes[node].dependencies.compactMap { position[$0] },
        after: self.nodes[node].after.compactMap { position[$0] })
    }
    return Plan(nodes: nodes, roots: Array(nodes.indices), root: root)
  }
}
