import Testing

@testable import BlumeopsCore

@Suite struct PreconditionTests {
  @Test func aPreconditionHasADefaultTimeoutOfThirtySeconds() throws {
    let text = "tasks:\n  a:\n    preconditions: ['test -f x', {sh: 'true'}]\n    run: echo\n"
    let task = try #require(load(text).catalog.task(named: "a"))
    #expect(task.preconditions.map(\.timeout) == [.seconds(30), .seconds(30)])
  }

  @Test func aPreconditionMayGiveItsOwnTimeout() throws {
    let text = """
      tasks:
        a:
          preconditions: [{sh: 'kubectl cluster-info', message: no cluster, timeout: 2m}]
          run: echo
      """
    let task = try #require(load(text).catalog.task(named: "a"))
    #expect(task.preconditions.first?.timeout == .seconds(120))
    #expect(task.preconditions.first?.message == "no cluster")
  }

  @Test func aTimeoutOfZeroIsRefusedWhereItIsWritten() {
    let text = "tasks:\n  a:\n    preconditions: [{sh: 'true', timeout: 0s}]\n    run: echo\n"
    let output = rendered(text)
    #expect(output.contains("invalid `timeout` value `0s`"), "\(output)")
    #expect(output.contains("tasks/main.yaml:3:43"), "\(output)")
  }

  @Test func aTimeoutThatIsNoDurationIsRefused() {
    let text = "tasks:\n  a:\n    preconditions: [{sh: 'true', timeout: soon}]\n    run: echo\n"
    #expect(rendered(text).contains("a duration such as `90s`"))
  }
}
