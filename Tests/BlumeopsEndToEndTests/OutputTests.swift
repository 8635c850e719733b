import Testing

@Suite struct OutputTests {
  static let tasks = """
    tasks:
      left: {run: 'for i in $(seq 1 3000); do echo "LEFT-$i-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"; done'}
      right: {run: 'for i in $(seq 1 3000); do echo "RIGHT-$i-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"; done'}
      both: {depends: [left, right], run: echo done}
    """

  @Test func prefixOutputOfParallelTasksHasNoTornLines() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let run = fixture.run(["-j", "2", "-o", "prefix", "both"])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n").filter {
      $0.contains("LEFT-") || $0.contains("RIGHT-")
    }
    #expect(lines.count == 6000)
    for line in lines {
      let ok =
        (line.hasPrefix("left  | LEFT-") && line.hasSuffix(String(repeating: "a", count: 52)))
        || (line.hasPrefix("right | RIGHT-") && line.hasSuffix(String(repeating: "b", count: 52)))
      #expect(ok, "torn line: \(line)")
      if !ok { break }
    }
  }

  @Test func groupOutputKeepsEachTaskContiguous() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let run = fixture.run(["-j", "2", "-o", "group", "both"])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n").filter {
      $0.hasPrefix("LEFT-") || $0.hasPrefix("RIGHT-")
    }
    #expect(lines.count == 6000)
    var switches = 0
    for (previous, line) in zip(lines, lines.dropFirst()) where previous.prefix(4) != line.prefix(4)
    { switches += 1 }
    #expect(switches == 1, "each task's output should be one block")
  }

  @Test(.enabled(if: Repository.installed("script"), "needs script(1) for a terminal"))
  func tasksAreToldToColourOnlyWhenBlumeopsItselfColours() {
    let fixture = Fixture([
      "tasks/main.yaml":
        "tasks:\n  t: {run: 'echo \"force=[$FORCE_COLOR] cli=[$CLICOLOR_FORCE]\"'}\n"
    ])
    var terminal = ["PATH": "/usr/bin:/bin", "TERM": "xterm"]
    terminal["NO_COLOR"] = ""
    let colour = fixture.start(["t"], environment: terminal, throughTerminal: true).wait()
    #expect(colour.stdout.contains("force=[1] cli=[1]"), "\(colour.output)")
    let noColour = fixture.start(["t"], throughTerminal: true).wait()
    #expect(noColour.stdout.contains("force=[] cli=[]"), "\(noColour.output)")
    #expect(fixture.run(["t"]).stdout.contains("force=[] cli=[]"))
  }

  @Test func startEndAndSummaryAreAnnounced() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let run = fixture.run(["-j", "2", "both"])
    #expect(run.output.contains("✓ left"))
    #expect(run.output.contains("✓ both"))
    #expect(!run.output.contains("\u{1B}["), "NO_COLOR is set: no escape codes")
    // The summary lists prerequisites before the task that needs them.
    let rows = run.stderr.split(separator: "\n").filter { $0.contains("  ok  ") }
    #expect(rows.map { $0.split(separator: " ")[1] } == ["left", "right", "both"], "\(rows)")
  }

  @Test func aSingleTaskGetsNoSummaryTable() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let run = fixture.run(["both"])
    let single = fixture.run(["left"])
    #expect(single.status == 0)
    #expect(single.stderr.contains("✓ left"))
    #expect(!single.stderr.contains("  ok  "), "\(single.stderr)")
    #expect(run.stderr.contains("  ok  "))
  }
}
