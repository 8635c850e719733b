import Testing

/// Steps without shell syntax start directly; the rest go through bash. A `bash` first on PATH
/// records each time it is started, then runs the real one.
@Suite struct SimpleCommandRunTests {
  static let recordingBash = """
    #!/bin/sh
    echo started >> "$BLUMEOPS_ROOT/bash-starts"
    exec /bin/bash "$@"
    """

  @Test func aStepWithoutShellSyntaxStartsWithoutBash() {
    let fixture = Fixture([
      "tasks/main.yaml": "tasks:\n  plain: {run: [true, 'ls -d tasks']}\n",
      "bin/bash*": Self.recordingBash,
    ])
    let run = fixture.run(["plain"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("tasks"))
    #expect(!fixture.exists("bash-starts"))
  }

  @Test func aStepWithShellSyntaxStillRunsInBash() {
    let fixture = Fixture([
      "tasks/main.yaml": "tasks:\n  piped: {run: 'ls -d tasks | cat'}\n",
      "bin/bash*": Self.recordingBash,
    ])
    let run = fixture.run(["piped"])
    #expect(run.status == 0, "\(run.output)")
    #expect(fixture.read("bash-starts") == "started\n")
  }

  @Test func aMissingProgramGetsBashsMessageAndStatus127() {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  missing: {run: no-such-program --flag}\n"])
    let run = fixture.run(["missing"])
    #expect(run.status == 127, "\(run.output)")
    #expect(run.output.contains("no-such-program: command not found"), "\(run.output)")
  }

  @Test func aDirectProgramSeesTheTaskDirectoryAndItsOwnExitStatus() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        where: {dir: sub, run: ./report}
        fails: {run: ./sub/report 7}
      """,
      "sub/report*": "#!/bin/sh\necho \"pwd=$(pwd) PWD=$PWD\"\nexit ${1:-0}\n",
    ])
    let run = fixture.run(["where"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("pwd=\(fixture.root)/sub PWD=\(fixture.root)/sub"), "\(run.output)")
    #expect(fixture.run(["fails"]).status == 7)
  }

  @Test func aTextFileWithoutAnInterpreterLineRunsAsABashScriptAsBashWould() {
    let fixture = Fixture([
      "tasks/main.yaml": "tasks:\n  script: {run: ./plain-script}\n",
      "plain-script*": "echo from-the-script\n",
    ])
    let run = fixture.run(["script"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("from-the-script"))
  }

  @Test func theVerboseAndDryRunFormsShowTheCommandAsWritten() {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  plain: {run: true --ignored}\n"])
    #expect(fixture.run(["-v", "plain"]).output.contains("true --ignored"))
    #expect(fixture.run(["-n", "plain"]).stdout.contains("true --ignored"))
  }
}
