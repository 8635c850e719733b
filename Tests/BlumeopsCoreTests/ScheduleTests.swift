import Testing

@testable import BlumeopsCore

@Suite struct ScheduleTests {
  /// Builds a plan from `name: [deps]` and optional post edges `post: [owners]`.
  func plan(_ deps: [[Int]], after: [Int: [Int]] = [:], interactive: Set<Int> = []) -> Plan {
    let nodes = deps.enumerated().map { index, required in
      PlanNode(
        id: index,
        task: PlannedTask(
          label: "t\(index)", name: "t\(index)", steps: [], directory: "/",
          interactive: interactive.contains(index)),
        dependencies: required, after: after[index] ?? [])
    }
    return Plan(nodes: nodes, roots: [deps.count - 1], root: "/")
  }

  @Test func independentNodesStartTogetherUpToTheJobLimit() {
    var schedule = Schedule(plan: plan([[], [], [], [0, 1, 2]]))
    #expect(schedule.takeReady(limit: 2) == [0, 1])
    #expect(schedule.takeReady(limit: 2) == [])
    schedule.finish(0, .succeeded)
    #expect(schedule.takeReady(limit: 2) == [2])
    schedule.finish(1, .succeeded)
    schedule.finish(2, .succeeded)
    #expect(schedule.takeReady(limit: 2) == [3])
    schedule.finish(3, .succeeded)
    #expect(schedule.isFinished)
  }

  @Test func aFailureStopsEverythingNewAndCancelsTheRest() {
    var schedule = Schedule(plan: plan([[], [], [0], [1]]))
    #expect(schedule.takeReady(limit: 4) == [0, 1])
    schedule.finish(0, .failed)
    #expect(schedule.isStopped)
    #expect(schedule.states[2] == .cancelled)
    schedule.finish(1, .cancelled)
    #expect(schedule.takeReady(limit: 4) == [])
    #expect(schedule.states[3] == .cancelled)
    #expect(schedule.isFinished)
  }

  @Test func keepGoingRunsWhatDoesNotDependOnTheFailure() {
    var schedule = Schedule(plan: plan([[], [], [0], [1]]), keepGoing: true)
    _ = schedule.takeReady(limit: 4)
    schedule.finish(0, .failed)
    #expect(schedule.states[2] == .skipped)
    schedule.finish(1, .succeeded)
    #expect(schedule.takeReady(limit: 4) == [3])
  }

  @Test func postTasksRunAfterAStartedTaskEvenWhenItFails() {
    var schedule = Schedule(plan: plan([[], []], after: [1: [0]]))
    #expect(schedule.takeReady(limit: 4) == [0])
    schedule.finish(0, .failed)
    #expect(schedule.takeReady(limit: 4) == [1])
  }

  @Test func postTasksOfATaskThatNeverStartedAreSkipped() {
    var schedule = Schedule(plan: plan([[], [0], []], after: [2: [1]]))
    _ = schedule.takeReady(limit: 4)
    schedule.finish(0, .failed)
    #expect(schedule.states[1] == .cancelled)
    #expect(schedule.states[2] == .skipped)
    #expect(schedule.isFinished)
  }

  @Test func interactiveNodesRunAlone() {
    var schedule = Schedule(plan: plan([[], [], []], interactive: [1]))
    #expect(schedule.takeReady(limit: 4) == [0])
    schedule.finish(0, .succeeded)
    #expect(schedule.takeReady(limit: 4) == [1])
    #expect(schedule.takeReady(limit: 4) == [])
    schedule.finish(1, .succeeded)
    #expect(schedule.takeReady(limit: 4) == [2])
  }

  @Test func wavesFollowTheLongestPath() {
    let waves = plan([[], [0], [0, 1], []]).waves
    #expect(waves == [[0, 3], [1], [2]])
  }
}
