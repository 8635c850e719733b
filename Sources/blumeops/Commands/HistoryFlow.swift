import BlumeopsCore
import BlumeopsRunner

/// `blumeops history [-n N] [--json]` and `blumeops logs [RUN] [TASK]`.
struct HistoryFlow {
  let context: Context

  func history(limit: Int, json: Bool) throws(ReportedErrors) -> Int32 {
    let store = HistoryStore(root: try context.loadValidProject().directory.root)
    let records = Array(store.records().suffix(limit))
    if json {
      Console.out(RunRecord.historyJSON(records.reversed()).serialized(indent: 2))
      return 0
    }
    guard !records.isEmpty else {
      Console.out("no runs recorded yet")
      return 0
    }
    var table = TextTable(headers: ["RUN", "STARTED", "STATUS", "EXIT", "DURATION", "COMMAND"])
    for record in records.reversed() {
      table.add([
        record.id, WallClock.iso8601(record.start), record.status,
        record.exitCode.map(String.init) ?? "-",
        record.end.map { Duration.seconds($0 - record.start).brief } ?? "-", record.command,
      ])
    }
    Console.out(table.lines(style: Style(color: false)).joined(separator: "\n"))
    let previews = records.reversed().flatMap { record in
      record.tasks.compactMap { task in
        task.preview.map { "  \(record.id)  \(task.label): \($0.description)" }
      }
    }
    if !previews.isEmpty { Console.out("\npreviews:\n" + previews.joined(separator: "\n")) }
    return 0
  }

  func logs(run wanted: String, task: String?) throws(ReportedErrors) -> Int32 {
    let store = HistoryStore(root: try context.loadValidProject().directory.root)
    let records = store.records()
    guard
      let index = wanted == "last"
        ? records.indices.last : records.lastIndex(where: { $0.id.hasPrefix(wanted) })
    else {
      throw ReportedErrors(
        .usage(
          records.isEmpty
            ? "no runs recorded yet" : "no run `\(wanted)` in the history; see `blumeops history`"),
        context: context)
    }
    let record = records[index]
    let logs = store.logs(run: record.id)
    // Run ids sort by start time: a run older than the oldest folder left lost its logs.
    let oldestKept = FileSystem.list(store.logsDirectory).first
    if logs.isEmpty,
      records.count - index > HistoryStore.runsWithLogs
        || oldestKept.map({ record.id < $0 }) ?? false
    {
      throw ReportedErrors(
        .usage(
          "the logs of run \(record.id) have been removed: only the last "
            + "\(HistoryStore.runsWithLogs) runs keep theirs, within BLUMEOPS_LOG_BUDGET "
            + "(default 256M)"),
        context: context)
    }
    guard let task else {
      Console.out("run \(record.id) (\(record.status)): \(record.command)")
      Console.out(
        logs.isEmpty
          ? "no task printed anything"
          : logs.map { "  \($0.task)  \($0.path)" }.joined(separator: "\n"))
      return 0
    }
    let name = SafeFileName.make(task)
    guard let log = logs.first(where: { $0.task == name || $0.task.hasPrefix(name + "_") }),
      let text = store.read(log.path)
    else {
      // Only tasks that printed something have a log file.
      let ran = record.tasks.contains { $0.label == task || $0.label.hasPrefix(task + " ") }
      if ran { return 0 }
      throw ReportedErrors(
        .usage("run \(record.id) has no log for task `\(task)`"), context: context)
    }
    Console.write(text, to: 1)
    return 0
  }
}
