/// Turns invocations into a `Plan`: the selection closure, run once per (task, parameters),
/// with steps rendered and environments decided. Pure: reads nothing, runs nothing.
public struct Planner {
  public let catalog: TaskCatalog
  public let root: String
  /// The environment blumeops runs in, for flag `env` fallbacks.
  public let environment: [String: String]

  private var nodes: [PlanNode] = []
  private var bindings: [(task: TaskDefinition, values: ParameterValues, passThrough: [String])] =
    []
  private var identities: [String: Int] = [:]
  private var pending: [Int] = []

  public init(catalog: TaskCatalog, root: String, environment: [String: String]) {
    self.catalog = catalog
    self.root = root
    self.environment = environment
  }

  public mutating func plan(_ invocations: [Invocation]) throws(BlumeopsError) -> Plan {
    var roots: [Int] = []
    for invocation in invocations {
      guard let task = catalog.task(named: invocation.task) else {
        throw .unknownTask(
          invocation.task, suggestion: Suggestion.closest(to: invocation.task, in: catalog.allNames)
        )
      }
      let (values, _) = try ArgumentBinder.bind(
        invocation.tokens, to: task, environment: environment)
      // A file task sees every word typed after its name, as mise passes them.
      let passThrough =
        task.script != nil ? invocation.tokens + invocation.passThrough : invocation.passThrough
      roots.append(try node(task, values, passThrough: passThrough))
    }
    while let index = pending.popLast() { try expand(index) }
    return Plan(nodes: nodes, roots: roots, root: root)
  }

  /// The node for (task, values, pass-through), created once.
  private mutating func node(
    _ task: TaskDefinition, _ values: ParameterValues, passThrough: [String]
  ) throws(BlumeopsError) -> Int {
    let identity = ([task.name] + values.explicit + ["--"] + passThrough).joined(separator: "\u{0}")
    if let existing = identities[identity] { return existing }
    let index = nodes.count
    identities[identity] = index
    let label =
      ([task.name] + values.explicit.map(ShellQuote.quote)
      + (passThrough.isEmpty ? [] : ["--"] + passThrough.map(ShellQuote.quote))).joined(
        separator: " ")
    let placeholder = PlannedTask(label: label, name: task.name, steps: [], directory: root)
    nodes.append(PlanNode(id: index, task: placeholder))
    bindings.append((task, values, passThrough))
    pending.append(index)
    return index
  }

  /// Renders a node's task and creates the nodes it depends on.
  private mutating func expand(_ index: Int) throws(BlumeopsError) {
    let (task, values, passThrough) = bindings[index]
    let hoisted = try hoistedReferences(task, values)
    var dependencies: [Int] = []
    for reference in hoisted.depends {
      let id = try referenced(reference)
      if !dependencies.contains(id) { dependencies.append(id) }
    }
    nodes[index].dependencies = dependencies
    for reference in hoisted.post {
      let id = try referenced(reference)
      if !nodes[id].after.contains(index) { nodes[id].after.append(index) }
    }
    let label = nodes[index].task.label
    nodes[index].task = try TaskRenderer(root: root, environment: environment, catalog: catalog)
      .render(task, values, passThrough: passThrough, label: label)
  }

  /// `depends` and `depends_post` of the task and of the sub-tasks its steps run inline.
  private func hoistedReferences(_ task: TaskDefinition, _ values: ParameterValues)
    throws(BlumeopsError) -> (
      depends: [(TaskReference, ParameterValues)], post: [(TaskReference, ParameterValues)]
    )
  {
    var depends = task.depends.map { ($0, values) }
    var post = task.dependsPost.map { ($0, values) }
    for step in task.steps {
      guard case .task(let reference) = step.action, let sub = catalog.task(named: reference.name)
      else { continue }
      let subValues = try ArgumentBinder.bind(
        TaskRenderer.rendered(reference, values), to: sub, environment: environment)
      let nested = try hoistedReferences(sub, subValues)
      depends += nested.depends
      post += nested.post
    }
    return (depends, post)
  }

  private mutating func referenced(_ entry: (TaskReference, ParameterValues))
    throws(BlumeopsError) -> Int
  {
    let (reference, ownerValues) = entry
    guard let target = catalog.task(named: reference.name) else {
      throw .unknownTask(reference.name, suggestion: nil)
    }
    // A bare reference to a task without parameters binds nothing: most edges of a large DAG.
    let bound =
      reference.arguments.isEmpty && reference.flags.isEmpty && target.arguments.isEmpty
        && target.flags.isEmpty
      ? ParameterValues()
      : try ArgumentBinder.bind(
        TaskRenderer.rendered(reference, ownerValues), to: target, environment: environment)
    return try node(target, bound, passThrough: [])
  }
}
