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
    let marker = uniqueSleep(3011)
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        one: {run: '\(marker) & \(marker) & wait'}
        two: {run: 'bash -c "\(marker) & wait" & \(marker); wait'}
        both: {depends: [one, two], run: touch both-ran}
      """
    ])
    let running = fixture.start(["-j", "2", "both"])
    waitFor(marker, count: 4)
    #expect(processesMatching(marker).count >= 4)
    running.signal(SIGINT)
    let run = running.wait()
    #expect(run.status == 130, "\(run.output)")
    #expect(processesLeft(marker).isEmpty)
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

  /// A task's processes get their standard three descriptors and the locks the task holds,
  /// nothing else of blumeops'.
  @Test func tasksKeepOnlyTheirStandardDescriptorsAndTheirTaskLocks() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        plain: {run: [{exec: [ls, -l, /proc/self/fd]}]}
        locked: {lock: deploy, run: [{exec: [ls, -l, /proc/self/fd]}]}
      """
    ])
    // What `ls` lists besides its own reading of the folder.
    func descriptors(_ run: BinaryRun) -> [Substring] {
      run.stdout.split(separator: "\n").filter { $0.contains(" -> ") && !$0.contains("/proc/") }
    }
    let plain = fixture.run(["-q", "plain"])
    #expect(descriptors(plain).count == 3, "\(plain.output)")
    let locked = fixture.run(["-q", "locked"])
    let extra = descriptors(locked).dropFirst(3)
    #expect(descriptors(locked).count == 4, "\(locked.output)")
    #expect(extra.first?.hasSuffix("/.blumeops/locks/deploy.lock") == true, "\(locked.output)")
  }

  @Test func sigtermExits143AndLeavesNothingBehind() {
    let marker = uniqueSleep(3012)
    let fixture = Fixture([
      "tasks/main.yaml": "tasks:\n  wait: {run: '\(marker) & \(marker)'}\n"
    ])
    let running = fixture.start(["wait"])
    waitFor(marker, count: 2)
    running.signal(SIGTERM)
    let run = running.wait()
    #expect(run.status == 143, "\(run.output)")
    #expect(processesLeft(marker).isEmpty)
  }

  @Test func anInterruptBeforeTheRunStartsEndsBlumeopsAndWhatItStarted() {
    let marker = uniqueSleep(3014)
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy: {secrets: {TOKEN: "op://vault/item/field"}, run: touch deployed}
      """,
      "bin/op*": "#!/bin/bash\nexec \(marker)\n",
    ])
    let running = fixture.start(["deploy"])
    waitFor(marker, count: 1)
    running.signal(SIGTERM)
    let run = running.wait()
    #expect(run.status == 143, "\(run.output)")
    #expect(processesLeft(marker).isEmpty, "`op read` is stopped too")
    #expect(!fixture.exists("deployed"))
  }

  @Test func aTimeoutExits124AndKillsTheWholeGroup() {
    let marker = uniqueSleep(3013)
    let fixture = Fixture([
      "tasks/main.yaml": "tasks:\n  slow: {timeout: 1s, run: '\(marker) & \(marker); touch done'}\n"
    ])
    let run = fixture.run(["slow"])
    #expect(run.status == 124, "\(run.output)")
    #expect(run.output.contains("timed out"))
    #expect(processesLeft(marker).isEmpty)
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
