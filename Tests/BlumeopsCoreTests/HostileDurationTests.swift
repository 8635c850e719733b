import Testing

@testable import BlumeopsCore

/// Durations written to overflow: refused where they are written, never converted.
@Suite struct HostileDurationTests {
  @Test(arguments: [
    ("timeout: 99999999999999999999999s", "timeout", 4, 14),
    ("timeout: 9223372036854775808ms", "timeout", 4, 14),
    ("timeout: \(String(repeating: "9", count: 400))h", "timeout", 4, 14),
    ("timeout: 8761h", "timeout", 4, 14),
    ("retry: {attempts: 3, delay: 99999999999999999999999s}", "delay", 4, 33),
  ])
  func aDurationOutOfRangeIsRefusedWhereItIsWritten(
    _ line: String, _ key: String, _ row: Int, _ column: Int
  ) {
    let errors = load("tasks:\n  a:\n    run: echo\n    \(line)\n").errors
    #expect(errors.count == 1, "\(errors)")
    guard case .invalidValue(let reported, _, let expected, let location)? = errors.first else {
      Issue.record("expected an invalid value, got \(errors)")
      return
    }
    #expect(reported == key)
    #expect(expected == "a duration of at most `8760h` (365 days)")
    #expect(location.position.line == row)
    #expect(location.position.column == column)
  }

  @Test func aFileTaskHeaderTimeoutOutOfRangeIsRefused() {
    let (_, errors) = TaskLoader.load(
      [
        TaskSourceFile(
          path: "tasks/slow", text: "#!/bin/sh\n#MISE timeout=\"99999999999999999999999s\"\ntrue\n",
          kind: .script)
      ], root: "/project", builtins: [])
    #expect(errors.map(\.message).contains { $0.contains("expected a duration of at most") })
  }

  @Test func theLongestDurationIsAccepted() {
    #expect(Duration.parse("8760h") == .longestInTaskFile)
    #expect(Duration.read("8760h1ms") == .tooLong)
    #expect(Duration.read("soon") == .malformed)
  }

  @Test(arguments: ["inf", "infinity", "nan", "0.5"])
  func aBackoffMustBeAFiniteNumberOfAtLeastOne(_ text: String) {
    let errors = load("tasks:\n  a:\n    run: echo\n    retry: {attempts: 3, backoff: \(text)}\n")
      .errors
    #expect(
      errors.map(\.message) == [
        "invalid `backoff` value `\(text)`: expected a number of at least 1"
      ])
  }

  @Test func theRetryPauseStopsGrowingAtTheLongestDuration() {
    let policy = RetryPolicy(attempts: .max, delay: .seconds(3600), backoff: 1e300)
    #expect(policy.delay(beforeAttempt: 2) == .seconds(3600))
    #expect(policy.delay(beforeAttempt: 3) == .longestInTaskFile)
    #expect(policy.delay(beforeAttempt: .max) == .longestInTaskFile)
    let doubling = RetryPolicy(attempts: 200, delay: .seconds(1), backoff: 2)
    #expect(doubling.delay(beforeAttempt: 4) == .seconds(4))
    #expect(doubling.delay(beforeAttempt: 200) == .longestInTaskFile)
  }
}
