import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Real signals and real process groups: nothing outlives blumeops.
@Suite(.serialized) struct ProcessTests {
  func waitFor(_ marker: String, count: Int) {
    for _ in 0..<200 where processesMatching(marker).count < count { usleep(50_000) }
  }

  @Test func ctrlCStopsEveryTaskAndItsBackgroundChildrenAndExits130() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        one: {run: 'sleep 3011 & sleep 3011 & wait'}
        two: {run: 'bash -c "sleep 3011 & wait" & sleep 3011; wait'}
        both: {depends: [one, two], run: touch both-ran}
      """
    ])
    let running = fixture.start(["-j", "2", "both"])
    waitFor("sleep 3011", count: 4)
    #expect(processesMatching("sleep 3011").count >= 4)
    running.signal(SIGINT)
    let run = running.wait()
    #expect(run.status == 130, "\(run.output)")
    #expect(processesLeft("sleep 3011").isEmpty)
    #expect(!fixture.exists("both-ran"))
  }

  /// blumeops blocks SIGCHLD, SIGINT and SIGTERM in all its threads (its main thread waits for the
  /// last two); none of that may reach a task, or its own children could not be waited for or
  /// stopped.
  @Test func tasksStartWithNoSignalBlockedOrIgnored() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        piped: {run: 'grep -E "^Sig(Blk|Ign)" /proc/self/status'}
        attached: {interactive: true, run: 'grep -E "^Sig(Blk|Ign)" /proc/self/status'}
      """
    ])
    for task in ["piped", "attached"] {
      let run = fixture.run(["-q", task])
      #expect(run.status == 0, "\(run.output)")
      for line in ["SigBlk", "SigIgn"] {
        let mask = run.stdout.split(separator: "\n").first { $0.hasPrefix(line + ":") }
          .flatMap { UInt64($0.split(separator: "\t").last ?? "", radix: 16) }
        // The standard signals, 1 to 31; glibc keeps 32 and 33 for itself and cannot reset them.
        #expect(mask.map { $0 & 0x7fff_ffff } == 0, "\(task) \(line): \(run.stdout)")
      }
    }
  }

  @Test func sigtermExits143AndLeavesNothingBehind() {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  wait: {run: 'sleep 3012 & sleep 3012'}\n"])
    let running = fixture.start(["wait"])
    waitFor("sleep 3012", count: 2)
    running.signal(SIGTERM)
    let run = running.wait()
    #expect(run.status == 143, "\(run.output)")
    #expect(processesLeft("sleep 3012").isEmpty)
  }

  @Test func anInterruptBeforeTheRunStartsEndsBlumeopsAtOnce() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy: {secrets: {TOKEN: "op://vault/item/field"}, run: touch deployed}
      """,
      "bin/op*": "#!/bin/bash\nexec sleep 3014\n",
    ])
    let running = fixture.start(["deploy"])
    waitFor("sleep 3014", count: 1)
    running.signal(SIGTERM)
    let run = running.wait()
    for pid in processesMatching("sleep 3014") { kill(pid, SIGKILL) }
    #expect(run.status == 143, "\(run.output)")
    #expect(!fixture.exists("deployed"))
  }

  @Test func aTimeoutExits124AndKillsTheWholeGroup() {
    let fixture = Fixture([
      "tasks/main.yaml":
        "tasks:\n  slow: {timeout: 1s, run: 'sleep 3013 & sleep 3013; touch done'}\n"
    ])
    let run = fixture.run(["slow"])
    #expect(run.status == 124, "\(run.output)")
    #expect(run.output.contains("timed out"))
    #expect(processesLeft("sleep 3013").isEmpty)
    #expect(!fixture.exists("done"))
  }

  @Test func aFailedStepGivesItsOwnExitStatus() {
    let fixture = Fixture([
      "tasks/main.yaml": "tasks:\n  fail: {run: ['true', 'exit 42', touch never]}\n"
    ])
    let run = fixture.run(["fail"])
    #expect(run.status == 42)
    #expect(!fixture.exists("never"))
    #expect(run.output.contains("✗ fail exited 42"))
  }
}
