import Glibc
import Testing

/// `interactive: true`: through a pseudo-terminal blumeops owns when it has a terminal (masked,
/// Ctrl-C delivered, window size passed on), piped and masked like any task when it has none.
@Suite struct InteractiveTaskTests {
  static let tasks = """
    tasks:
      login:
        interactive: true
        secrets: {TOKEN: 'env:FAKE_TOKEN'}
        run: |
          if [ -t 0 ] && [ -t 1 ]; then echo "on a terminal: $(stty size)"; else echo "no terminal"; fi
          read -r -p "name: " name || name=nobody
          echo "hello $name, token $TOKEN"
      leaves-a-child:
        interactive: true
        # It ignores the hang-up the terminal sends when the task's shell ends.
        run: '(trap "" HUP; exec sleep 3041) & echo started'
      stubborn:
        interactive: true
        run: |
          trap 'echo "got INT"; exit 7' INT
          echo ready
          while true; do sleep 0.1; done
    """
  static let secret = ["FAKE_TOKEN": "tok-9f8e7d6c5b4a"]

  @Test func withATerminalTheTaskGetsOneAndWhatItPrintsIsMasked() throws {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let running = fixture.start(
      ["login"], environment: Self.secret, throughTerminal: true, stdinStaysOpen: true,
      terminalSize: (rows: 33, columns: 111))
    // A prompt without a line break still shows.
    try running.waitForOutput(containing: "name: ")
    running.type("ops\n")
    let run = running.wait()
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("on a terminal: 33 111"), "window size: \(run.stdout)")
    #expect(run.stdout.contains("hello ops, token ****"), "\(run.stdout)")
    #expect(!run.stdout.contains("9f8e7d"))
    let log = fixture.run(["logs", "last", "login"]).stdout
    #expect(log.contains("hello ops, token ****"), "\(log)")
    #expect(!log.contains("9f8e7d"))
  }

  @Test func withoutATerminalItRunsPipedAndMasked() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let run = fixture.run(["login"], environment: Self.secret)
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("no terminal"))
    #expect(run.stdout.contains("hello nobody, token ****"), "\(run.stdout)")
    #expect(!run.output.contains("9f8e7d"))
  }

  /// A process left in the background keeps the terminal open; the run still ends with the task.
  @Test func aBackgroundChildHoldingTheTerminalDoesNotHoldTheRun() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let run = fixture.start(
      ["leaves-a-child"], throughTerminal: true, stdinStaysOpen: true
    ).wait(limit: .seconds(30))
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("started"))
    #expect(processesLeft("sleep 3041").isEmpty)
  }

  @Test func ctrlCAtTheTerminalReachesTheTask() throws {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let running = fixture.start(["stubborn"], throughTerminal: true, stdinStaysOpen: true)
    try running.waitForOutput(containing: "ready")
    running.type("\u{03}")
    let run = running.wait(limit: .seconds(60))
    #expect(run.status == 7, "\(run.output)")
    #expect(run.stdout.contains("got INT"))
  }
}
