import Glibc
import Testing

/// A program from apt or PyPI that a test checks blumeops' output with (python3, actionlint,
/// check-jsonschema). Where it is missing the test is skipped, except in CI, which installs it
/// (`.ci/run`): there a missing tool fails the test.
enum ExternalTool {
  /// Whether tests that need `tool` run: it is installed, or this is CI.
  static func enabled(_ tool: String) -> Bool {
    getenv("CI") != nil || Repository.installed(tool)
  }

  /// Runs `command` through `sh` in `directory`, stopped after two minutes, and returns its
  /// status and output.
  static func run(_ command: String, in directory: String) -> BinaryRun {
    let scratch = Fixture.makeTemporaryDirectory(prefix: "tool")
    let status = runProcess([
      "/bin/sh", "-c",
      "cd '\(directory)' && timeout -k 5 120 sh -c \"$0\" >'\(scratch)/out' 2>'\(scratch)/err'",
      command,
    ])
    return BinaryRun(
      status: status, stdout: Fixture.read(scratch + "/out") ?? "",
      stderr: Fixture.read(scratch + "/err") ?? "")
  }
}
