import BlumeopsCore
import BlumeopsRunner

/// `--report` and `--events`: the machine-readable records of a run, made only when asked for.
struct ReportsAndEvents {
  let recorder: RunRecorder
  let reports: [RunnerOptions.ReportRequest]
  let directory: String

  /// Nil when neither was asked for. Opens the events file now, so a bad path fails before
  /// anything runs (exit 2).
  static func make(_ plan: Plan, context: Context) throws(ReportedErrors) -> ReportsAndEvents? {
    let options = context.options
    guard options.events != nil || !options.reports.isEmpty else { return nil }
    let directory = FileSystem.currentDirectory()
    var events: EventWriter?
    if let path = options.events {
      do {
        let full = path == "-" ? path : FileSystem.absolute(path, from: directory)
        if full != "-" { try? FileSystem.makeDirectories(Self.parent(of: full)) }
        events = try EventWriter(path: full)
      } catch {
        throw ReportedErrors(
          .usage("cannot write the events to `\(path)`: \(error)"), context: context)
      }
    }
    return ReportsAndEvents(
      recorder: RunRecorder(plan: plan, events: events), reports: options.reports,
      directory: directory)
  }

  /// With `--events -`, standard output carries the events alone: everything else goes to
  /// standard error.
  static func destination(_ context: Context) -> OutputDestination {
    context.options.events == "-"
      ? OutputDestination(standardOutput: 2, standardError: 2) : OutputDestination()
  }

  /// Writes each report; one that cannot be written is said on stderr and the run's exit status
  /// stays that of its tasks.
  func finish(
    _ report: RunReport, plan: Plan, record: RunRecord, masker: Masker
  ) {
    let end = record.end ?? WallClock.now()
    recorder.runEnded(report, start: record.start, end: end)
    for request in reports {
      let junit = JUnitReport(
        plan: plan, report: report, name: record.command, start: record.start,
        seconds: end - record.start, host: record.host, tail: { recorder.output(of: $0).tail })
      let path = FileSystem.absolute(request.path, from: directory)
      do {
        try? FileSystem.makeDirectories(Self.parent(of: path))
        try FileSystem.replaceContents(of: path, with: masker.mask(junit.xml))
      } catch {
        Console.error("warning: cannot write the JUnit report to `\(request.path)`: \(error)")
      }
    }
  }

  private static func parent(of path: String) -> String {
    String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
  }
}
