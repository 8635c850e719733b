import ArgumentParser
import BlumeopsCore
import BlumeopsRunner

/// `blumeops history show [RUN] [--timeline FILE.svg]`: one run, and a picture of it.
struct HistoryShowCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "One run: its tasks, and with --timeline a Gantt chart of them as SVG.",
    discussion: """
      Examples:
        blumeops history show
        blumeops history show 20261203-1900 --timeline timeline.svg
      """)

  @Argument(help: "A run id or its prefix, or `last` (the default).") var run: String = "last"
  @Option(
    help: ArgumentHelp(
      "Write the run as a Gantt chart to FILE (SVG): tasks on their lanes, coloured by result, "
        + "the critical path outlined.", valueName: "file"),
    completion: .file(extensions: ["svg"]))
  var timeline: String?

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    let store = HistoryStore(root: try context.loadValidProject().directory.root)
    let records = store.records()
    guard
      let record = run == "last"
        ? records.last : records.last(where: { $0.id.hasPrefix(run) })
    else {
      throw ReportedErrors(
        .usage(
          records.isEmpty
            ? "no runs recorded yet" : "no run `\(run)` in the history; see `blumeops history`"),
        context: context)
    }
    if let timeline {
      let path = FileSystem.absolute(timeline, from: FileSystem.currentDirectory())
      do {
        try FileSystem.replaceContents(of: path, with: Timeline(record: record).svg)
      } catch {
        throw ReportedErrors(
          .usage("cannot write the timeline to `\(timeline)`: \(error)"), context: context)
      }
      Console.out("wrote the timeline of run \(record.id) to \(timeline)")
      return 0
    }
    Console.out(
      "run \(record.id) (\(record.status)"
        + (record.exitCode.map { ", exit \($0)" } ?? "") + "): \(record.command)")
    var table = TextTable(headers: ["TASK", "STATUS", "START", "DURATION"])
    for task in record.tasks {
      table.add([
        task.label, task.status, task.start.map { Duration.seconds($0).brief } ?? "-",
        task.duration.map { Duration.seconds($0).brief } ?? "-",
      ])
    }
    Console.out(table.lines(style: Style(color: false)).joined(separator: "\n"))
    return 0
  }
}
