import BlumeopsCore
import BlumeopsRunner

/// The run as Markdown appended to `$GITHUB_STEP_SUMMARY`: how it ended, then every task with
/// its status, duration and, for one that did not run, why.
enum StepSummary {
  static func append(_ report: RunReport, plan: Plan, masker: Masker, to path: String) {
    try? FileSystem.append(masker.mask(markdown(report, plan: plan)), to: path)
  }

  static func markdown(_ report: RunReport, plan: Plan) -> String {
    let failed = report.nodes.filter { $0.state == .failed }.count
    let result =
      report.interruptSignal != nil
      ? "interrupted" : report.succeeded ? "succeeded" : "failed (exit \(report.exitCode))"
    let tasks = report.nodes.count == 1 ? "1 task" : "\(report.nodes.count) tasks"
    var lines = [
      "### blumeops: \(result)", "",
      "\(tasks), \(failed) failed.", "",
      "| task | status | duration | detail |", "| --- | --- | --- | --- |",
    ]
    // Prerequisites before what needs them, as the terminal summary lists them.
    for node in plan.waves.flatMap({ $0 }) {
      let entry = report.nodes[node]
      let detail = report.reason(node: node, plan: plan) ?? entry.detail ?? ""
      let cells = [
        "`\(entry.label)`", Self.mark(entry.state) + " " + entry.state.rawValue,
        entry.duration?.brief ?? "", detail,
      ]
      lines.append(
        "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n\n"
  }

  private static func mark(_ state: Schedule.State) -> String {
    switch state {
    case .succeeded, .upToDate: return "✅"
    case .failed: return "❌"
    default: return "⏭️"
    }
  }
}
