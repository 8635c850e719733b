import Testing

/// A canary secret read through a fake `op` must never appear in anything blumeops prints or writes.
@Suite struct SecretTests {
  static let canary = "c4n4ry-Zq9-s3cr3t"

  static func fixture(opExit: Int32 = 0, extraTasks: String = "") -> Fixture {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        leak-out:
          secrets: {TOKEN: "op://blumeops/forgejo token/credential"}
          run: 'echo "stdout has $TOKEN"; echo "stderr has $TOKEN" >&2; echo "argv-free check" '
        leak-fail:
          secrets: {TOKEN: "op://blumeops/forgejo token/credential"}
          run: 'echo "failing with $TOKEN"; exit 9'
        leak-retry:
          secrets: {TOKEN: "op://blumeops/forgejo token/credential"}
          retry: {attempts: 2}
          run: 'echo "retrying with $TOKEN"; exit 4'
        leak-capture:
          run:
            - {sh: 'printf "%s" "captured-$RANDOM-value"', capture: KEY, secret: true}
            - 'echo "key is $KEY"; printf "%s" "$KEY" > key-file'
        all: {depends: [leak-out, leak-capture]}
      \(extraTasks)
      """
    ])
    fixture.add(
      "bin/op*",
      """
      #!/bin/bash
      printf 'op' >> "\(fixture.root)/op-calls"; for a in "$@"; do printf '|%s' "$a" >> "\(fixture.root)/op-calls"; done; echo >> "\(fixture.root)/op-calls"
      [ "\(opExit)" = 0 ] || { echo "[ERROR] item not found" >&2; exit \(opExit); }
      printf '%s' "\(canary)"
      """)
    return fixture
  }

  func everythingWritten(_ fixture: Fixture, _ run: BinaryRun) -> String {
    var text = run.output
    text += fixture.read(".blumeops/history.jsonl") ?? ""
    let logs = logFiles(fixture)
    #expect(!logs.isEmpty, "the scan must cover the task logs")
    for (_, path) in logs { text += Fixture.read(path) ?? "" }
    return text
  }

  func logFiles(_ fixture: Fixture) -> [(String, String)] {
    let listing = fixture.run(["logs"]).stdout
    return listing.split(separator: "\n").dropFirst().compactMap { line in
      let parts = line.split(separator: " ", omittingEmptySubsequences: true)
      return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }
  }

  @Test(arguments: ["interleave", "prefix", "group"])
  func theSecretIsMaskedInEveryOutputMode(mode: String) {
    let fixture = Self.fixture()
    let run = fixture.run(["-o", mode, "leak-out"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("stdout has ****"))
    #expect(run.stderr.contains("stderr has ****") || run.stdout.contains("stderr has ****"))
    #expect(!everythingWritten(fixture, run).contains(Self.canary))
    #expect(
      fixture.read("op-calls") == "op|read|--no-newline|op://blumeops/forgejo token/credential\n")
  }

  @Test func theSecretIsMaskedInAFailingAndARetriedTask() {
    let fixture = Self.fixture()
    let failing = fixture.run(["leak-fail"])
    #expect(failing.status == 9)
    #expect(failing.output.contains("failing with ****"))
    let retried = fixture.run(["leak-retry"])
    #expect(retried.status == 4)
    #expect(retried.output.contains("retrying with ****"))
    #expect(!everythingWritten(fixture, failing).contains(Self.canary))
    #expect(!everythingWritten(fixture, retried).contains(Self.canary))
  }

  @Test func aSecretCaptureIsMaskedToo() throws {
    let fixture = Self.fixture()
    let run = fixture.run(["leak-capture"])
    #expect(run.status == 0, "\(run.output)")
    let value = try #require(fixture.read("key-file"))
    #expect(value.hasPrefix("captured-"))
    #expect(run.output.contains("key is ****"))
    #expect(!everythingWritten(fixture, run).contains(value))
  }

  /// Every file under `.blumeops/`, its path and its contents.
  func everythingRecorded(_ fixture: Fixture) -> String {
    let listing = Fixture.makeTemporaryDirectory(prefix: "listing") + "/files"
    runProcess([
      "/bin/sh", "-c",
      "cd '\(fixture.root)' && find .blumeops -print > '\(listing)' && find .blumeops -type f -exec cat {} + >> '\(listing)'",
    ])
    return Fixture.read(listing) ?? ""
  }

  /// The value typed on the command line is the secret itself: masked where it is shown, and
  /// kept out of everything recorded, file names included.
  @Test func aSecretGivenAsAPassThroughWordIsRecordedNowhere() {
    let fixture = Self.fixture(
      extraTasks: """
          locked:
            secrets: {TOKEN: "op://blumeops/forgejo token/credential"}
            lock: deploy
            sources: [tasks/*.yaml]
            run: 'cat .blumeops/locks/deploy.lock > lock-seen; echo "words:"'
          wrapped: {run: [{task: locked, args: []}]}
        """)
    let run = fixture.run(["--timings", "locked", "--", Self.canary])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.output.contains("locked -- ****"), "\(run.output)")
    let second = fixture.run(["locked", "--", "other", Self.canary])
    #expect(second.status == 0, "\(second.output)")
    #expect(fixture.read("lock-seen")?.contains("task=locked -- other ****") == true)
    let recorded = everythingRecorded(fixture)
    #expect(recorded.contains("history.jsonl"), "the scan must cover the history")
    #expect(recorded.contains("locked"), "the scan must cover the task records")
    #expect(!recorded.contains(Self.canary), "\(recorded)")
    let history = fixture.run(["history", "--json"])
    #expect(history.status == 0, "\(history.output)")
    #expect(history.stdout.contains("****"), "\(history.stdout)")
    for output in [run.output, second.output, history.output, fixture.run(["history"]).output] {
      #expect(!output.contains(Self.canary), "\(output)")
    }
  }

  @Test func aDryRunNeverCallsOp() {
    let fixture = Self.fixture()
    let run = fixture.run(["-n", "leak-out"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("secret: TOKEN ← op://blumeops/forgejo token/credential"))
    #expect(fixture.read("op-calls") == nil)
  }

  @Test func aFailingOpRunsNothing() {
    let fixture = Self.fixture(opExit: 1)
    let run = fixture.run(["all"])
    #expect(run.status == 3, "\(run.output)")
    #expect(run.stderr.contains("cannot resolve secret `TOKEN` of task `leak-out`"))
    #expect(run.stderr.contains("op://blumeops/forgejo token/credential"))
    #expect(!fixture.exists("key-file"), "no task may start when a secret is missing")
  }

  @Test func aMissingOpStopsTheRunBeforeAnythingStarts() {
    let fixture = Fixture([
      "tasks/main.yaml": "tasks:\n  t: {secrets: {A: 'op://v/i/f'}, run: touch ran}\n"
    ])
    let run = fixture.run(["t"], environment: ["PATH": fixture.root + "/bin:/usr/bin:/bin"])
    #expect(run.status == 3)
    #expect(run.stderr.contains("`A`"))
    #expect(!fixture.exists("ran"))
  }

  @Test func anEnvironmentSourceComesFirstWhenSet() {
    let fixture = Self.fixture(
      extraTasks: "  from-env: {secrets: {T: [env:CI_TOKEN, 'op://v/i/f']}, run: 'echo \"got $T\"'}"
    )
    let run = fixture.run(["from-env"], environment: ["CI_TOKEN": "ci-supplied-value"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("got ****"))
    #expect(fixture.read("op-calls") == nil)
  }
}
