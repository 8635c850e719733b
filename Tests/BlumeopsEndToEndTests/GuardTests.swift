import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Confirmations, preconditions, required tools, retries, locks and incremental tasks.
@Suite struct GuardTests {
  static let confirmTasks = """
    tasks:
      up: {confirm: {message: Apply to tail8d86e?, expect: tail8d86e}, run: touch applied}
      shutoff: {confirm: Take the edge offline?, run: touch off}
    """

  @Test func aConfirmationWithoutATerminalRefusesWithThree() {
    let fixture = Fixture(["tasks/main.yaml": Self.confirmTasks])
    let run = fixture.run(["shutoff"])
    #expect(run.status == 3)
    #expect(
      run.stderr.contains("task `shutoff` needs confirmation but there is no terminal to ask"))
    #expect(run.stderr.contains("help: pass `--yes`"))
    let typed = fixture.run(["up"])
    #expect(typed.status == 3)
    #expect(
      typed.stderr.contains("task `up` asks for a typed word and there is no terminal to type it"))
    #expect(typed.stderr.contains("help: pass `--confirm WORD`"))
    #expect(!fixture.exists("applied") && !fixture.exists("off"))
  }

  @Test func ctrlCAtAPromptEndsBlumeopsAtOnce() {
    let fixture = Fixture(["tasks/main.yaml": Self.confirmTasks])
    let running = fixture.start(["shutoff"], throughTerminal: true, stdinStaysOpen: true)
    func blumeops() -> [Int32] {
      processesMatching(RunningBinary.binaryPath + " shutoff").filter {
        (Fixture.read("/proc/\($0)/comm") ?? "").hasPrefix("blumeops")
      }
    }
    for _ in 0..<100 where !(Fixture.read(running.stdoutPath) ?? "").contains("[y/N]") {
      usleep(50_000)
    }
    let asking = blumeops()
    #expect(!asking.isEmpty, "no prompt: \(Fixture.read(running.stdoutPath) ?? "")")
    for pid in asking { kill(pid, SIGINT) }
    var left = asking
    for _ in 0..<40 where !left.isEmpty {
      usleep(50_000)
      left = blumeops()
    }
    for pid in left { kill(pid, SIGKILL) }
    kill(running.pid, SIGKILL)
    _ = running.wait()
    #expect(left.isEmpty, "blumeops still waited for an answer")
    #expect(!fixture.exists("off"))
  }

  @Test func yesAnswersAYesNoQuestionAndConfirmATypedWord() {
    let fixture = Fixture(["tasks/main.yaml": Self.confirmTasks])
    #expect(fixture.run(["--yes", "shutoff"]).status == 0)
    #expect(fixture.exists("off"))
    let yesAlone = fixture.run(["--yes", "up"])
    #expect(yesAlone.status == 3)
    #expect(yesAlone.stderr.contains("`--yes` answers yes/no questions only"))
    #expect(!fixture.exists("applied"))
    #expect(fixture.run(["--confirm", "tail8d86e-", "up"]).status == 3)
    #expect(!fixture.exists("applied"))
    #expect(fixture.run(["--confirm", "tail8d86e", "up"]).status == 0)
    #expect(fixture.exists("applied"))
  }

  @Test func inCIThereAreNoPrompts() {
    let fixture = Fixture(["tasks/main.yaml": Self.confirmTasks])
    #expect(fixture.run(["shutoff"], environment: ["CI": "true"]).status == 3)
    #expect(!fixture.exists("off"))
  }

  @Test func everyPreflightProblemIsReportedTogether() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy:
          requires: [no-such-tool-a, "bash>=999"]
          preconditions: [{sh: 'test -f lockfile', message: the lockfile is missing}]
          run: touch deployed
      """
    ])
    let run = fixture.run(["deploy"])
    #expect(run.status == 3, "\(run.output)")
    #expect(run.stderr.contains("`no-such-tool-a` is not on PATH (needed by task `deploy`)"))
    #expect(run.stderr.contains("is too old: task `deploy` needs >=999"))
    #expect(run.stderr.contains("precondition of task `deploy` failed: the lockfile is missing"))
    #expect(!fixture.exists("deployed"))
  }

  @Test func aPreconditionThatOutlivesItsTimeoutIsStoppedAndFails() {
    let marker = uniqueSleep(3081)
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy:
          preconditions: [{sh: '\(marker) & \(marker)', message: cluster reachable, timeout: 1s}]
          run: touch deployed
      """
    ])
    let run = fixture.run(["deploy"])
    #expect(run.status == 3, "\(run.output)")
    #expect(
      run.stderr.contains(
        "precondition of task `deploy` timed out after 1s: cluster reachable"), "\(run.stderr)")
    #expect(processesLeft(marker).isEmpty)
    #expect(!fixture.exists("deployed"))
  }

  @Test func aDryRunListsPreconditionsWithoutRunningThem() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy:
          preconditions: [{sh: 'touch precondition-ran', message: never run}]
          run: touch deployed
      """
    ])
    let run = fixture.run(["--dry-run", "deploy"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("precondition: touch precondition-ran"), "\(run.stdout)")
    #expect(!fixture.exists("precondition-ran"))
    #expect(!fixture.exists("deployed"))
  }

  @Test func doctorReportsToolsAndPreconditionsWithoutRunning() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy: {requires: ["bash>=3", no-such-tool-b], preconditions: [{sh: 'true', message: always fine}], run: touch deployed}
      """
    ])
    let run = fixture.run(["doctor"])
    #expect(run.status == 3)
    #expect(run.stdout.contains("\nok    bash  "), "\(run.stdout)")
    #expect(run.stdout.contains("\nFAIL  no-such-tool-b  "))
    // A passing precondition shows what was checked, not the message for its failure.
    #expect(run.stdout.contains("\nok    deploy  true\n"))
    #expect(!run.stdout.contains("always fine"))
    #expect(!fixture.exists("deployed"))
  }

  @Test func aRetriedTaskSucceedsOnItsThirdAttempt() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        flaky:
          retry: {attempts: 3, delay: 10ms}
          run: 'echo x >> attempts; [ "$(wc -l < attempts)" -ge 3 ]'
      """
    ])
    let run = fixture.run(["flaky"])
    #expect(run.status == 0, "\(run.output)")
    #expect(fixture.read("attempts") == "x\nx\nx\n")
    #expect(run.output.contains("attempt 2"))
    #expect(run.output.contains("attempt 3"))
  }

  @Test func twoRunsHoldingTheSameLockNeverOverlap() throws {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy:
          lock: ansible
          run: 'echo "start $(date +%s.%N)" >> spans; sleep 2; echo "end $(date +%s.%N)" >> spans'
      """
    ])
    let first = fixture.start(["deploy"])
    // The first holds the lock once its task has started (bounded: 30 s).
    for _ in 0..<600 where !(fixture.read("spans") ?? "").hasPrefix("start") { usleep(50_000) }
    let second = fixture.start(["deploy"])
    let (a, b) = (first.wait(), second.wait())
    #expect(a.status == 0 && b.status == 0, "\(a.output) \(b.output)")
    let events = (fixture.read("spans") ?? "").split(separator: "\n").map {
      $0.split(separator: " ").map(String.init)
    }
    #expect(events.map { $0[0] } == ["start", "end", "start", "end"], "spans: \(events)")
    #expect(b.output.contains("waiting for lock ansible held by task deploy"))
  }

  @Test func aKilledLockHolderFreesTheLock() {
    let fixture = Fixture([
      "tasks/main.yaml":
        "tasks:\n  hold: {lock: fly, run: 'sleep 3021'}\n  quick: {lock: fly, run: touch quick-ran}\n"
    ])
    let holder = fixture.start(["hold"])
    for _ in 0..<100 where processesMatching("sleep 3021").isEmpty { usleep(50_000) }
    let busy = fixture.run(["--no-wait", "quick"])
    #expect(busy.status == 3, "\(busy.output)")
    holder.signal(SIGKILL)
    _ = holder.wait()
    for pid in processesMatching("sleep 3021") { kill(pid, SIGKILL) }
    #expect(fixture.run(["--no-wait", "quick"]).status == 0)
    #expect(fixture.exists("quick-ran"))
  }

  @Test func anUnchangedIncrementalTaskIsSkippedAndAChangeRerunsIt() {
    let fixture = Fixture([
      "tasks/main.yaml":
        "tasks:\n  render: {sources: ['src/*.txt'], outputs: [out.txt], run: 'cat src/*.txt > out.txt; echo x >> runs'}\n",
      "src/a.txt": "one\n",
    ])
    #expect(fixture.run(["render"]).status == 0)
    let second = fixture.run(["render"])
    #expect(second.status == 0)
    #expect(second.output.contains("render is up to date"))
    #expect(fixture.read("runs") == "x\n")
    fixture.add("src/a.txt", "two\n")
    #expect(fixture.run(["render"]).status == 0)
    #expect(fixture.read("runs") == "x\nx\n")
    #expect(fixture.run(["--force", "render"]).status == 0)
    #expect(fixture.read("runs") == "x\nx\nx\n")
  }
}
