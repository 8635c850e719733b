import Testing

/// Every kind of bad input: a located message, exit 2, and nothing runs.
@Suite struct BadInputTests {
  @Test(arguments: [
    (
      "cycle",
      "tasks:\n  ok: {run: touch ran}\n  a: {depends: [b], run: touch ran}\n  b: {depends: [a], run: touch ran}\n",
      "error: dependency cycle: a → b → a", "tasks/main.yaml:4:17"
    ),
    (
      "unknown key", "tasks:\n  ok: {run: touch ran, dirr: x}\n",
      "error: unknown key `dirr` in task `ok`", "tasks/main.yaml:2:24"
    ),
    (
      "unknown dependency", "tasks:\n  ok: {run: touch ran, depends: [lnt]}\n  lint: echo\n",
      "error: unknown dependency `lnt` of task `ok`", "tasks/main.yaml:2:34"
    ),
    (
      "wrong type", "tasks:\n  ok: {run: touch ran, env: [A]}\n",
      "error: `env` must be a mapping, found a list", "tasks/main.yaml:2:29"
    ),
    (
      "yaml syntax", "tasks:\n  ok: {run: touch ran\n  b: x\n", "error: invalid YAML",
      "tasks/main.yaml:"
    ),
  ])
  func badTaskFilesAreReportedAndNothingRuns(
    name: String, text: String, message: String, location: String
  ) {
    let fixture = Fixture(["tasks/main.yaml": text])
    let run = fixture.run(["ok"])
    #expect(run.status == 2, "\(name): \(run.output)")
    #expect(run.stderr.contains(message), "\(name): \(run.stderr)")
    #expect(run.stderr.contains("--> " + location), "\(name): \(run.stderr)")
    #expect(!fixture.exists("ran"))
  }

  @Test func aDuplicateTaskAcrossTwoFilesNamesBoth() {
    let fixture = Fixture([
      "tasks/a.yaml": "tasks:\n  ok: touch ran\n", "tasks/b.yaml": "tasks:\n  ok: touch ran\n",
    ])
    let run = fixture.run(["ok"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("--> tasks/b.yaml:2:3"))
    #expect(run.stderr.contains("note: first defined at tasks/a.yaml:2:3"))
    #expect(!fixture.exists("ran"))
  }

  @Test func allProblemsAreReportedTogether() {
    let fixture = Fixture([
      "tasks/a.yaml": "tasks:\n  ok: {run: touch ran, timeout: soon}\n",
      "tasks/b.yaml": "tasks:\n  x: {depends: [nope]}\n",
    ])
    let run = fixture.run(["tasks", "validate"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("invalid `timeout` value `soon`"))
    #expect(run.stderr.contains("unknown dependency `nope`"))
    #expect(run.stderr.contains("2 problems found"))
  }

  @Test func anUnknownTaskGetsDidYouMean() {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  provision-indri: echo\n"])
    let run = fixture.run(["provison-indri"])
    #expect(run.status == 2)
    #expect(
      run.stderr == "error: unknown task `provison-indri`\nhelp: did you mean `provision-indri`?\n")
  }

  @Test func aMissingDirectoryFailsPreflightWithThree() {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  ok: {dir: nowhere, run: touch ran}\n"])
    let run = fixture.run(["ok"])
    #expect(run.status == 3)
    #expect(run.stderr.contains("directory `nowhere` of task `ok` does not exist"))
  }

  @Test func noProjectIsExitTwo() {
    let fixture = Fixture([:])
    let run = fixture.run(["anything"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("no blumeops project found"))
  }

  @Test func badRunnerOptionsAreExitTwo() {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  ok: touch ran\n"])
    #expect(fixture.run(["-j", "zero", "ok"]).status == 2)
    #expect(fixture.run(["--output", "fancy", "ok"]).status == 2)
    #expect(fixture.run(["--frobnicate", "ok"]).status == 2)
    #expect(!fixture.exists("ran"))
  }
}
