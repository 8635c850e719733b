import BlumeopsCore
import Glibc
import Testing

@testable import BlumeopsRunner

/// Two real tasks printing thousands of lines at once, through files as a terminal would be.
@Suite struct RealOutputTests {
  static let count = 20_000

  func run(_ mode: OutputMode) async throws -> [Substring] {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    let script = { (name: String) in
      "seq 1 \(Self.count) | sed 's/^/\(name) line /'; echo \(name) err >&2"
    }
    let tasks = ["alpha", "be"].map { name in
      PlannedTask(
        label: name, name: name,
        steps: [PlannedStep(.shell(script(name)), directory: directory.path)],
        directory: directory.path)
    }
    let fd = open(directory.file("out"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let errors = open(directory.file("err"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    defer {
      close(fd)
      close(errors)
    }
    let options = ExecutorOptions(
      jobs: 2, output: mode, showSummary: false, environment: currentEnvironment())
    let report = await Executor(
      plan: fakePlan(tasks, root: directory.path), launcher: SystemLauncher(),
      options: options, destination: OutputDestination(standardOutput: fd, standardError: errors)
    ).run()
    #expect(report.exitCode == 0)
    let text = try #require(directory.read("out"))
    return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  }

  @Test func prefixedLinesOfParallelTasksAreNeverTorn() async throws {
    let lines = try await run(.prefix)
    #expect(lines.count == 2 * Self.count)
    var next = ["alpha": 1, "be": 1]
    for line in lines {
      let name = line.hasPrefix("alpha | ") ? "alpha" : "be"
      let expected =
        name == "alpha" ? "alpha | alpha line \(next[name]!)" : "be    | be line \(next[name]!)"
      #expect(line == expected)
      if line != expected { break }
      next[name]! += 1
    }
  }

  @Test func groupedOutputOfParallelTasksComesInWholeBlocks() async throws {
    let lines = try await run(.group)
    #expect(lines.count == 2 * Self.count)
    let first = lines.first?.hasPrefix("alpha") == true ? "alpha" : "be"
    let second = first == "alpha" ? "be" : "alpha"
    let expected =
      (1...Self.count).map { "\(first) line \($0)" }
      + (1...Self.count).map { "\(second) line \($0)" }
    #expect(lines.map(String.init) == expected)
  }
}
