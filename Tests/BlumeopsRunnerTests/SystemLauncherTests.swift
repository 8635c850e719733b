import Glibc
import Testing

@testable import BlumeopsRunner

/// The launcher's behaviour, on real processes.
@Suite struct SystemLauncherTests {
  @Test(arguments: [LaunchRequest.Terminal.piped, .passThrough, .interactive])
  func everyChildIsWatchedByTheReactor(_ terminal: LaunchRequest.Terminal) async throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let reactor = try #require(Reactor.shared)
    let before = reactor.watchesStarted
    // Long enough that its exit is waited for, not seen at once.
    var request = request("sleep 0.2", in: directory.path)
    request.terminal = terminal
    let result = try await SystemLauncher().launch(
      request, control: ProcessControl(), output: { _, _ in })
    #expect(result == LaunchResult(status: .exited(0)))
    // Two pipes and the exit for a piped child; at least the exit for the others.
    #expect(reactor.watchesStarted - before >= (terminal == .piped ? 3 : 1))
  }

  func request(_ script: String, in directory: String, timeout: Duration? = nil) -> LaunchRequest {
    LaunchRequest(
      argv: ExecutableLocator.shellArguments(
        for: script, path: currentEnvironment()["PATH"], directory: directory),
      directory: directory, environment: currentEnvironment(), timeout: timeout,
      gracePeriod: .milliseconds(500))
  }

  /// Many children starting and ending at once, as at `-j 32`: every descriptor number is
  /// closed and reused all the time, and no child may lose its output or be taken for exited.
  @Test func manyConcurrentChildrenEachGetAllTheirOutputAndTheirOwnStatus() async throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let results = await withTaskGroup(of: (Int, Int, Int, Int32).self) { group in
      for child in 0..<240 {
        group.addTask {
          let recorder = LineRecorder()
          let launched = try? await SystemLauncher().launch(
            request("seq 1 200; seq 1 150 >&2; exit \(child % 3)", in: directory.path),
            control: ProcessControl(), output: recorder.record)
          return (
            child, recorder.lines(.standardOutput).count, recorder.lines(.standardError).count,
            launched?.exitCode ?? -1
          )
        }
      }
      var all: [(Int, Int, Int, Int32)] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == 240)
    for (child, out, err, code) in results {
      #expect(out == 200 && err == 150 && code == Int32(child % 3), "child \(child)")
    }
  }

  @Test func aShellStepStreamsStdoutAndStderrLinesSeparately() async throws {
    let launcher = SystemLauncher()
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let recorder = LineRecorder()
    let result = try await launcher.launch(
      request("echo one; echo two >&2; printf three", in: directory.path),
      control: ProcessControl(), output: recorder.record)
    #expect(result == LaunchResult(status: .exited(0)))
    #expect(recorder.lines(.standardOutput) == ["one", "three"])
    #expect(recorder.lines(.standardError) == ["two"])
  }

  @Test func theExitStatusOfAFailingScriptIsReported() async throws {
    let launcher = SystemLauncher()
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let result = try await launcher.launch(
      request("false; echo unreachable", in: directory.path), control: ProcessControl(),
      output: { _, _ in })
    #expect(result.exitCode == 1)
  }

  @Test func childrenGetUnbufferedPythonAndTheRequestedDirectory() async throws {
    let launcher = SystemLauncher()
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let recorder = LineRecorder()
    var plain = request("echo \"$PYTHONUNBUFFERED\"; pwd", in: directory.path)
    plain.environment["PYTHONUNBUFFERED"] = nil
    _ = try await launcher.launch(plain, control: ProcessControl(), output: recorder.record)
    let realDirectory = String(cString: realpath(directory.path, nil))
    #expect(recorder.lines(.standardOutput) == ["1", realDirectory])
  }

  @Test func aChildThatClosesItsOutputEarlyIsWaitedForNotSwept() async throws {
    let launcher = SystemLauncher()
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    // Output ends long before the exit: the launch must still wait for the leader, and only
    // then sweep its group, so the work after the closed output completes.
    let result = try await launcher.launch(
      request("echo early; exec >&- 2>&-; sleep 0.3; echo done > finished", in: directory.path),
      control: ProcessControl(), output: { _, _ in })
    #expect(result == LaunchResult(status: .exited(0)))
    #expect(directory.read("finished")?.trimmed == "done")
  }

  @Test func aChildReadsNothingAndInheritsNoOtherDescriptor() async throws {
    let launcher = SystemLauncher()
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    // A descriptor of ours without close-on-exec, as a parent process might hand down.
    let stray = open(directory.file("stray"), O_WRONLY | O_CREAT, 0o644)
    defer { close(stray) }
    #expect(stray > 2)
    let recorder = LineRecorder()
    _ = try await launcher.launch(
      request(
        "read -r line || echo stdin-empty; for f in /proc/$$/fd/*; do readlink \"$f\"; done",
        in: directory.path),
      control: ProcessControl(), output: recorder.record)
    let lines = recorder.lines(.standardOutput)
    #expect(lines.first == "stdin-empty")
    // stdin, the two pipes, and the folder the loop itself is reading.
    #expect(lines.contains("/dev/null"))
    #expect(lines.filter { $0.hasPrefix("pipe:") }.count == 2, "\(lines)")
    #expect(!lines.contains { $0.hasSuffix("/stray") }, "\(lines)")
    #expect(lines.count <= 5, "\(lines)")
  }

  @Test func aScriptWhoseInterpreterIsMissingCannotStart() async throws {
    let launcher = SystemLauncher()
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    directory.write("tool", "#!/nonexistent/interpreter\necho never\n")
    chmod(directory.file("tool"), 0o755)
    var request = request("", in: directory.path)
    request.argv = [directory.file("tool")]
    await #expect(throws: LaunchError.self) {
      _ = try await launcher.launch(request, control: ProcessControl(), output: { _, _ in })
    }
    do {
      _ = try await launcher.launch(request, control: ProcessControl(), output: { _, _ in })
    } catch {
      #expect(error.exitCode == 126)
      #expect(error.description.hasPrefix("cannot start `\(directory.file("tool"))`"), "\(error)")
    }
  }

  @Test func aVeryLongLineArrivesWholeInBoundedPieces() async throws {
    let launcher = SystemLauncher()
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let recorder = LineRecorder()
    _ = try await launcher.launch(
      request("head -c 300000 /dev/zero | tr '\\0' x; echo; echo after", in: directory.path),
      control: ProcessControl(), output: recorder.record)
    let lines = recorder.lines(.standardOutput)
    #expect(lines.last == "after")
    let pieces = lines.dropLast()
    #expect(pieces.joined().count == 300_000)
    #expect(pieces.allSatisfy { $0.count <= LineSplitter.longestLine + (64 << 10) })
    #expect(pieces.count >= 300_000 / (LineSplitter.longestLine + (64 << 10)))
  }

  @Test func aTimeoutExits124AndKillsABackgroundedGrandchild() async throws {
    let launcher = SystemLauncher()
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let script = "sleep 100 & echo $! > grandchild.pid; sleep 100"
    let result = try await launcher.launch(
      request(script, in: directory.path, timeout: .milliseconds(1500)),
      control: ProcessControl(), output: { _, _ in })
    #expect(result.timedOut)
    #expect(result.exitCode == 124)
    let pid = try #require(directory.read("grandchild.pid").flatMap { pid_t($0.trimmed) })
    #expect(await eventuallyDead(pid))
  }

  @Test func aGrandchildLeftRunningBySuccessfulScriptIsSwept() async throws {
    let launcher = SystemLauncher()
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let result = try await launcher.launch(
      request("sleep 100 & echo $! > grandchild.pid", in: directory.path),
      control: ProcessControl(), output: { _, _ in })
    #expect(result.exitCode == 0)
    let pid = try #require(directory.read("grandchild.pid").flatMap { pid_t($0.trimmed) })
    #expect(await eventuallyDead(pid))
  }

  @Test func aStopRequestReachesTheWholeGroup() async throws {
    let launcher = SystemLauncher()
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let control = ProcessControl()
    let script = "trap 'echo got TERM; exit 7' TERM; echo ready; sleep 100 & wait"
    let recorder = LineRecorder()
    async let result = launcher.launch(
      request(script, in: directory.path), control: control, output: recorder.record)
    try await waitUntil { !recorder.lines(.standardOutput).isEmpty }
    control.stop(signal: SIGTERM)
    #expect(try await result.exitCode == 7)
    #expect(recorder.lines(.standardOutput) == ["ready", "got TERM"])
  }

  @Test func aMissingProgramIsReportedAsNotFound() async throws {
    let launcher = SystemLauncher()
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    await #expect(throws: LaunchError.executableNotFound("no-such-program-here")) {
      _ = try await launcher.launch(
        LaunchRequest(
          argv: ["no-such-program-here"], directory: directory.path,
          environment: currentEnvironment()),
        control: ProcessControl(), output: { _, _ in })
    }
  }

  @Test func aMissingWorkingDirectoryIsReportedBeforeAnythingStarts() async throws {
    let launcher = SystemLauncher()
    await #expect(
      throws: LaunchError.cannotStart("/bin/sh", reason: "directory `/no/such/dir` does not exist")
    ) {
      _ = try await launcher.launch(
        LaunchRequest(
          argv: ["/bin/sh", "-c", "true"], directory: "/no/such/dir", environment: [:]),
        control: ProcessControl(), output: { _, _ in })
    }
  }

  @Test func captureCollectsBothStreams() async throws {
    let launcher = SystemLauncher()
    let output = try await launcher.capture(
      argv: ["/bin/sh", "-c", "printf secret; echo oops >&2; exit 3"], directory: "/",
      environment: currentEnvironment())
    #expect(output.status == .exited(3))
    #expect(output.standardOutput == "secret")
    #expect(output.standardError == "oops\n")
  }
}

extension String {
  var trimmed: String {
    String(
      self.drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
  }
}
