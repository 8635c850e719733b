import BlumeopsCore
import Glibc
import Testing

@testable import BlumeopsRunner

/// The executor with the real launcher and real bash: overlap, timeouts, interrupts, orphans.
@Suite struct RealProcessTests {
  func shellTask(_ name: String, _ script: String, in directory: String, timeout: Duration? = nil)
    -> PlannedTask
  {
    PlannedTask(
      label: name, name: name, steps: [PlannedStep(.shell(script), directory: directory)],
      directory: directory, timeout: timeout)
  }

  func executor(
    _ tasks: [PlannedTask], root: String, output: OutputMode = .prefix,
    destination: OutputDestination = .memory()
  ) -> Executor {
    let plan = fakePlan(tasks, root: root)
    let options = ExecutorOptions(
      jobs: 4, output: output, gracePeriod: .milliseconds(300), environment: currentEnvironment())
    return Executor(
      plan: plan, launcher: SystemLauncher(), options: options, destination: destination)
  }

  @Test func parallelTasksOverlapInTime() async throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    // Each task succeeds only if it sees the other one start while it is still running.
    let script = { (name: String, other: String) in
      "touch \(name).start; for i in $(seq 100); do [ -f \(other).start ] && break; sleep 0.05; done;"
        + " [ -f \(other).start ]"
    }
    let report = await executor(
      [
        shellTask("a", script("a", "b"), in: directory.path),
        shellTask("b", script("b", "a"), in: directory.path),
      ], root: directory.path
    ).run()
    #expect(report.exitCode == 0)
    #expect(report.nodes.map(\.state) == [.succeeded, .succeeded])
  }

  @Test func aTimeoutExits124AndLeavesNoProcessOfTheTask() async throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let script = "echo $$ > leader.pid; sleep 100 & echo $! > child.pid; sleep 100"
    let report = await executor(
      [shellTask("hang", script, in: directory.path, timeout: .milliseconds(1500))],
      root: directory.path
    ).run()
    #expect(report.exitCode == 124)
    for file in ["leader.pid", "child.pid"] {
      let pid = try #require(directory.read(file).flatMap { pid_t($0.trimmed) })
      #expect(await eventuallyDead(pid))
    }
  }

  @Test func anInterruptStopsEveryTaskLeavesNoProcessAndExits130() async throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let script = { (name: String) in
      "echo $$ > \(name).leader; sleep 100 & echo $! > \(name).child; sleep 100"
    }
    let run = executor(
      [
        shellTask("a", script("a"), in: directory.path),
        shellTask("b", script("b"), in: directory.path),
      ], root: directory.path)
    async let report = run.run()
    let files = ["a.leader", "a.child", "b.leader", "b.child"]
    try await stopping(run) {
      try await waitUntil { files.allSatisfy { directory.read($0)?.hasSuffix("\n") == true } }
    }
    run.interrupt(signal: SIGINT)
    let finished = await report
    #expect(finished.exitCode == 130)
    #expect(finished.nodes.map(\.state) == [.cancelled, .cancelled])
    for file in files {
      let pid = try #require(directory.read(file).flatMap { pid_t($0.trimmed) })
      #expect(await eventuallyDead(pid), "\(file) survived")
    }
  }

  @Test func aSecondInterruptKillsATaskThatIgnoresTheFirst() async throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let script = "trap '' INT TERM; echo $$ > stubborn.pid; while true; do sleep 0.05; done"
    let run = executor([shellTask("stubborn", script, in: directory.path)], root: directory.path)
    async let report = run.run()
    try await stopping(run) {
      try await waitUntil { directory.read("stubborn.pid")?.hasSuffix("\n") == true }
    }
    run.interrupt(signal: SIGTERM)
    try await Task.sleep(for: .milliseconds(100))
    run.interrupt(signal: SIGTERM)
    let finished = await report
    #expect(finished.exitCode == 143)
    let pid = try #require(directory.read("stubborn.pid").flatMap { pid_t($0.trimmed) })
    #expect(await eventuallyDead(pid))
  }

  /// Runs `wait`; when it fails, kills the run first, so the test fails instead of waiting
  /// forever for a run that nothing stops.
  func stopping(_ run: Executor, _ wait: () async throws -> Void) async throws {
    do {
      try await wait()
    } catch {
      run.interrupt(signal: SIGKILL)
      run.interrupt(signal: SIGKILL)
      throw error
    }
  }
}
