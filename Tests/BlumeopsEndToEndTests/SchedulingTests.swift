import Testing

/// Parallelism, fail-fast and keep-going, observed through timestamps the tasks write.
@Suite struct SchedulingTests {
  static let tasks = """
    tasks:
      a: {run: 'echo "a $(date +%s.%N)" >> starts; sleep 1; echo "a $(date +%s.%N)" >> ends'}
      b: {run: 'echo "b $(date +%s.%N)" >> starts; sleep 1; echo "b $(date +%s.%N)" >> ends'}
      both: {depends: [a, b], run: echo both}
    """

  func times(_ fixture: Fixture, _ file: String) -> [String: Double] {
    var result: [String: Double] = [:]
    for line in (fixture.read(file) ?? "").split(separator: "\n") {
      let parts = line.split(separator: " ")
      result[String(parts[0])] = Double(parts[1])
    }
    return result
  }

  @Test func independentDependenciesOverlap() throws {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let run = fixture.run(["-j", "2", "both"])
    #expect(run.status == 0, "\(run.output)")
    let starts = times(fixture, "starts")
    let ends = times(fixture, "ends")
    let (a0, a1, b0, b1) = (
      try #require(starts["a"]), try #require(ends["a"]), try #require(starts["b"]),
      try #require(ends["b"])
    )
    #expect(a0 < b1 && b0 < a1, "a and b should run at the same time")
  }

  @Test func oneJobSerialisesThem() throws {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let run = fixture.run(["-j", "1", "both"])
    #expect(run.status == 0, "\(run.output)")
    let starts = times(fixture, "starts")
    let ends = times(fixture, "ends")
    let (a0, a1, b0, b1) = (
      try #require(starts["a"]), try #require(ends["a"]), try #require(starts["b"]),
      try #require(ends["b"])
    )
    #expect(a1 <= b0 || b1 <= a0, "a and b must not overlap with -j 1")
  }

  @Test func theFirstFailureStopsSiblingsAndGivesItsExitStatus() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        fails: {run: 'sleep 0.3; exit 7'}
        slow: {run: 'sleep 3003; touch slow-finished'}
        after: {depends: [fails], run: touch after-ran}
        all: {depends: [after, slow], run: touch all-ran}
      """
    ])
    let run = fixture.run(["-j", "4", "all"])
    #expect(run.status == 7, "\(run.output)")
    #expect(
      !fixture.exists("slow-finished") && !fixture.exists("after-ran") && !fixture.exists("all-ran")
    )
    #expect(processesLeft("sleep 3003").isEmpty)
    #expect(run.output.contains("cancelled"))
  }

  @Test func keepGoingRunsEverythingThatDoesNotDependOnTheFailure() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        fails: {run: 'exit 5'}
        other: {run: 'sleep 0.5; touch other-ran'}
        after: {depends: [fails], run: touch after-ran}
        all: {depends: [after, other], run: touch all-ran}
      """
    ])
    let run = fixture.run(["-k", "-j", "4", "all"])
    #expect(run.status == 5, "\(run.output)")
    #expect(fixture.exists("other-ran"))
    #expect(!fixture.exists("after-ran") && !fixture.exists("all-ran"))
    #expect(run.output.contains("skipped"))
  }

  @Test func postTasksRunAfterAFailure() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy: {run: 'exit 3', depends_post: [cleanup]}
        cleanup: {run: touch cleaned}
      """
    ])
    let run = fixture.run(["deploy"])
    #expect(run.status == 3, "\(run.output)")
    #expect(fixture.exists("cleaned"))
  }

  @Test func runExecutesSeveralTasksWithTheirOwnArguments() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        greet: {args: [who], run: 'echo "hello {{ who }}" >> greetings'}
      """
    ])
    let run = fixture.run(["run", "greet", "indri", ":::", "greet", "sifaka"])
    #expect(run.status == 0, "\(run.output)")
    #expect(
      Set((fixture.read("greetings") ?? "").split(separator: "\n")) == [
        "hello indri", "hello sifaka",
      ])
  }
}
