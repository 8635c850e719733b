import Testing

@testable import BlumeopsCore

/// `task` steps nested or multiplied without bound: refused by validation, at the outermost task.
@Suite struct TaskStepNestingTests {
  @Test func threeThousandNestedTaskStepsAreRefusedAtTheFirstStep() {
    let errors = load(HostileFixtures.nestedTaskSteps(3_000)).errors
    #expect(errors.count == 1, "\(errors.map(\.message))")
    #expect(errors.first?.message == "`task` steps of task `t0` nest more than 64 tasks deep")
    #expect(errors.first?.location?.description == "tasks/main.yaml:4:15")
    #expect(errors.first?.notes == ["through t0 → t1 → t2 → … → t63 → t64"])
  }

  @Test func taskStepsMayNestUpToTheLimit() throws {
    // 63 calling tasks and the one they end in: 64 tasks deep.
    let plan = try plan(HostileFixtures.nestedTaskSteps(63), [Invocation(task: "t0")])
    #expect(plan.nodes.count == 1)
    #expect(load(HostileFixtures.nestedTaskSteps(64)).errors.count == 1)
  }

  @Test func aDiamondOfTaskStepsIsRefusedBeforeItIsExpanded() {
    let errors = load(HostileFixtures.diamondOfTaskSteps(25)).errors
    #expect(errors.count == 1, "\(errors.map(\.message))")
    #expect(
      errors.first?.message
        == "task `d0` runs more than 10000 steps once its `task` steps are expanded")
    #expect(errors.first?.location?.description == "tasks/main.yaml:4:15")
  }

  @Test func aSmallDiamondOfTaskStepsIsPlannedWhole() throws {
    // 2^11 leaf runs and the steps calling them: 6,142 steps, under the limit.
    let plan = try plan(HostileFixtures.diamondOfTaskSteps(11), [Invocation(task: "d0")])
    #expect(plan.nodes.count == 1)
  }

  @Test func aDeepDiamondOfDependsIsPlannedOncePerTask() throws {
    let plan = try plan(HostileFixtures.diamondOfDepends(200), [Invocation(task: "d0")])
    #expect(plan.nodes.count == 601)
    #expect(plan.waves.count == 401)
  }
}
