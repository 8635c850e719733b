import BlumeopsCore
import BlumeopsDocs

extension Builtins {
  /// The built-in steps' options of a whole plan, checked before anything runs: a bad value is
  /// invalid input (exit 2), like a bad flag value, not a failure found halfway through a run.
  static func optionErrors(_ plan: Plan) -> [BlumeopsError] {
    var errors: [BlumeopsError] = []
    var pending = plan.nodes.map(\.task)
    while let task = pending.popLast() {
      for step in task.steps {
        switch step.action {
        case .task(let inner): pending.append(inner)
        case .builtin(let name, let options):
          if let problem = DocsToolkit.optionProblem(name, options: options) {
            errors.append(
              .invalidArgument(
                name: "--" + problem.option, value: problem.value, expected: problem.expected,
                task: task.name))
          }
        default: break
        }
      }
    }
    return errors
  }
}
