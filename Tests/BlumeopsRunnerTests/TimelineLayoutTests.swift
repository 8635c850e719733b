import Testing

@testable import BlumeopsRunner

/// The timeline's placement of bars, from a record alone.
@Suite struct TimelineLayoutTests {
  static func record(_ tasks: [RunRecord.TaskOutcome]) -> RunRecord {
    var record = RunRecord(
      id: "r", start: 0, user: "u", host: "h", commit: nil, command: "blumeops all", pid: 1)
    record.end = 3
    record.status = "ok"
    record.tasks = tasks
    return record
  }

  static func task(_ label: String, _ start: Double?, _ duration: Double?, needs: [Int] = [])
    -> RunRecord.TaskOutcome
  {
    RunRecord.TaskOutcome(
      label: label, status: "succeeded", exitCode: nil, attempts: 1, duration: duration,
      start: start, needs: needs)
  }

  @Test func overlappingTasksGetLanesOfTheirOwnAndALaneIsReused() {
    let timeline = Timeline(
      record: Self.record([
        Self.task("a", 0, 1), Self.task("b", 0.5, 1), Self.task("c", 1, 1, needs: [0]),
      ]))
    #expect(timeline.bars.map { [$0.task, $0.lane] } == [[0, 0], [1, 1], [2, 0]])
  }

  @Test func theCriticalPathFollowsWhatEachTaskWaitedForThatEndedLast() {
    let timeline = Timeline(
      record: Self.record([
        Self.task("a", 0, 1), Self.task("b", 0, 2), Self.task("c", 2, 1, needs: [0, 1]),
        Self.task("lint", 0, 0.5),
      ]))
    #expect(timeline.criticalPath == [1, 2])
  }

  @Test func aRecordWithoutStartTimesSaysSoInsteadOfCallingItsTasksNotRun() {
    let svg = Timeline(record: Self.record([Self.task("old", nil, 1)])).svg
    #expect(svg.contains("recorded without start times"))
    #expect(!svg.contains("not run:"))
  }
}
