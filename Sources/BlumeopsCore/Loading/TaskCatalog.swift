/// All tasks of a project, looked up by name or alias.
public struct TaskCatalog: Sendable {
  public var tasks: [TaskDefinition]
  /// Task file texts by relative path, for rendering errors.
  public var sources: [String: String]
  private var index: [String: Int]

  public init(tasks: [TaskDefinition], sources: [String: String]) {
    self.tasks = tasks
    self.sources = sources
    var index: [String: Int] = [:]
    for (position, task) in tasks.enumerated() {
      for name in task.names where index[name] == nil { index[name] = position }
    }
    self.index = index
  }

  public func task(named name: String) -> TaskDefinition? {
    index[name].map { tasks[$0] }
  }

  /// Every name and alias, for "did you mean".
  public var allNames: [String] { tasks.flatMap(\.names) }
}
