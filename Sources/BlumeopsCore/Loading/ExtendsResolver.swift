/// Applies `extends`: each task's keys merged over those of the task it extends, and so on up the
/// chain. Every task's inherited keys are worked out once and reused by the tasks that extend it,
/// so a chain of any length resolves in linear time, without recursion.
struct ExtendsResolver {
  let raws: [RawTask]
  /// The first raw task of each name.
  let byName: [String: Int]

  /// What a task inherits and passes on.
  private struct Resolved {
    /// The task's keys as a parent: its own over everything it inherits.
    var asParent: [YAMLPair]
    /// The file of the chain's last ancestor (the task's own when it extends nothing).
    var rootFile: String
    /// File environments along the chain, root first, each name kept once (last one wins, as
    /// it would when the environment is applied).
    var chainEnvironment: [EnvironmentVariable]
    /// Whether the task extends anything that resolved.
    var hasParent: Bool
  }

  init(_ raws: [RawTask]) {
    self.raws = raws
    var byName: [String: Int] = [:]
    for (index, raw) in raws.enumerated() where byName[raw.name] == nil { byName[raw.name] = index }
    self.byName = byName
  }

  /// Each task's merged keys and file environment, in the order of `raws`.
  func resolve(errors: inout [BlumeopsError]) -> [(
    pairs: [YAMLPair], environment: [EnvironmentVariable]
  )] {
    enum State { case unvisited, visiting, done }
    var state = [State](repeating: .unvisited, count: raws.count)
    // nil once done: the task is in, or leads into, an `extends` cycle and inherits nothing.
    var resolved = [Resolved?](repeating: nil, count: raws.count)
    for start in raws.indices where state[start] == .unvisited {
      // Walk up to a resolved task, the end of the chain, or a cycle.
      var path: [Int] = []
      var current = start
      var parentOfLast: Int? = nil
      var cycleFrom: Int? = nil
      walk: while true {
        switch state[current] {
        case .done:
          parentOfLast = current
          break walk
        case .visiting:
          cycleFrom = path.firstIndex(of: current)
          break walk
        case .unvisited:
          state[current] = .visiting
          path.append(current)
          guard let parentName = raws[current].extends else { break walk }
          guard let parent = byName[parentName] else {
            errors.append(unknownExtends(raws[current], parentName))
            break walk
          }
          current = parent
        }
      }
      if let cycleFrom {
        errors.append(cycle(Array(path[cycleFrom...])))
        for index in path { state[index] = .done }
        continue
      }
      // Resolve from the top of the walk down; a task under a cyclic one inherits nothing.
      var parent: Resolved? = parentOfLast.flatMap { resolved[$0] }
      var poisoned = parentOfLast != nil && parent == nil
      for index in path.reversed() {
        state[index] = .done
        guard !poisoned else { continue }
        let raw = raws[index]
        if let above = parent {
          let environment = Self.overriding(above.chainEnvironment, with: raw.fileEnvironment)
          parent = Resolved(
            asParent: raw.merged(over: above.asParent), rootFile: above.rootFile,
            chainEnvironment: environment, hasParent: true)
        } else {
          parent = Resolved(
            asParent: raw.merged(over: []), rootFile: raw.file,
            chainEnvironment: raw.fileEnvironment, hasParent: false)
        }
        resolved[index] = parent
        poisoned = false
      }
    }
    return raws.indices.map { index in
      let raw = raws[index]
      guard let own = resolved[index], own.hasParent,
        let parentIndex = raw.extends.flatMap({ byName[$0] }),
        let above = resolved[parentIndex]
      else { return (raw.pairs, raw.fileEnvironment) }
      let environment =
        above.rootFile != raw.file ? own.chainEnvironment : raw.fileEnvironment
      return (raw.merged(over: above.asParent), environment)
    }
  }

  /// `base` with `overrides` applied: a name already there is moved to where it is set again.
  static func overriding(
    _ base: [EnvironmentVariable], with overrides: [EnvironmentVariable]
  ) -> [EnvironmentVariable] {
    guard !overrides.isEmpty else { return base }
    let names = Set(overrides.map(\.name))
    return base.filter { !names.contains($0.name) } + overrides
  }

  private func unknownExtends(_ raw: RawTask, _ parentName: String) -> BlumeopsError {
    .unknownExtends(
      parentName, task: raw.name, suggestion: Suggestion.closest(to: parentName, in: byName.keys),
      at: SourceLocation(file: raw.file, position: raw.body["extends"]!.position))
  }

  /// A cycle, reported from its first member in file order back to that member.
  private func cycle(_ members: [Int]) -> BlumeopsError {
    let first = members.firstIndex(of: members.min()!)!
    let ordered = members[first...] + members[..<first]
    let last = raws[ordered.last!]
    return .extendsCycle(
      ordered.map { raws[$0].name } + [raws[ordered.first!].name],
      at: SourceLocation(file: last.file, position: last.body["extends"]!.position))
  }
}
