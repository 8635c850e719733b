import Testing

/// The task files that once crashed the binary (SIGILL, SIGSEGV) or stalled it: each now ends
/// with exit 2 and a located message, from `tasks validate` and from a run alike, and nothing runs.
@Suite struct HostileTaskFileTests {
  static let cases: [(name: String, text: String, message: String, location: String)] = [
    (
      "timeout past Int64",
      "tasks:\n  t0:\n    run: touch ran\n    timeout: 99999999999999999999999s\n",
      "error: invalid `timeout` value `99999999999999999999999s`", "tasks/main.yaml:4:14"
    ),
    (
      "retry delay past Int64",
      "tasks:\n  t0:\n    run: touch ran\n    retry: {attempts: 2, delay: 99999999999999999999999s}\n",
      "error: invalid `delay` value `99999999999999999999999s`", "tasks/main.yaml:4:33"
    ),
    (
      "3,000 nested task steps", nested(3_000),
      "error: `task` steps of task `t0` nest more than 64 tasks deep", "tasks/main.yaml:4:15"
    ),
    (
      "a diamond of task steps 25 levels deep", diamond(25),
      "error: task `t0` runs more than 10000 steps", "tasks/main.yaml:4:15"
    ),
    (
      "flow collections nested 50,000 deep",
      "tasks:\n  t0:\n    run: touch ran\n    env: " + String(repeating: "[", count: 50_000)
        + String(repeating: "]", count: 50_000) + "\n",
      "error: collections nested more than 100 levels deep", "tasks/main.yaml:4:107"
    ),
  ]

  static func nested(_ count: Int) -> String {
    var text = "tasks:\n"
    for index in 0..<count { text += "  t\(index):\n    run:\n      - task: t\(index + 1)\n" }
    return text + "  t\(count): touch ran\n"
  }

  static func diamond(_ levels: Int) -> String {
    var text = "tasks:\n"
    for index in 0..<levels {
      text += "  t\(index):\n    run:\n      - task: t\(index + 1)\n      - task: t\(index + 1)\n"
    }
    return text + "  t\(levels): touch ran\n"
  }

  @Test(arguments: cases.indices)
  func aHostileFileIsRefusedAlikeByValidationAndByARun(_ index: Int) {
    let (name, text, message, location) = Self.cases[index]
    let fixture = Fixture(["tasks/main.yaml": text])
    for arguments in [["tasks", "validate"], ["t0"], ["-n", "t0"]] {
      let run = fixture.start(arguments).wait(limit: .seconds(60))
      #expect(run.status == 2, "\(name), \(arguments): \(run.output)")
      #expect(run.stderr.contains(message), "\(name), \(arguments): \(run.stderr)")
      #expect(run.stderr.contains("--> " + location), "\(name), \(arguments): \(run.stderr)")
    }
    #expect(!fixture.exists("ran"), "\(name)")
  }

  @Test func aLongExtendsChainIsValidAndRuns() {
    var text = "tasks:\n"
    for index in 0..<4_000 { text += "  e\(index): {extends: e\(index + 1)}\n" }
    text += "  e4000: {run: touch ran}\n"
    let fixture = Fixture(["tasks/main.yaml": text])
    let validation = fixture.start(["tasks", "validate"]).wait(limit: .seconds(60))
    #expect(validation.status == 0, "\(validation.output)")
    let run = fixture.start(["e0"]).wait(limit: .seconds(60))
    #expect(run.status == 0, "\(run.output)")
    #expect(fixture.exists("ran"))
  }
}
