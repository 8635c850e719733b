import Testing

@testable import BlumeopsRunner

@Suite struct OutputCoordinatorTests {
  func lines(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test func prefixModePadsLabelsToTheLongest() {
    let destination = OutputDestination.memory()
    let output = OutputCoordinator(
      mode: .prefix, color: false, labels: ["a", "long-name"], destination: destination)
    let a = output.open(label: "a", colorIndex: 0)
    let long = output.open(label: "long-name", colorIndex: 1)
    output.write(a, .standardOutput, lines("one\ntwo\n"))
    output.write(long, .standardOutput, lines("three\n"))
    #expect(destination.text() == "a         | one\na         | two\nlong-name | three\n")
  }

  @Test func prefixModeColoursTheLabelWhenColourIsOn() {
    let destination = OutputDestination.memory()
    let output = OutputCoordinator(
      mode: .prefix, color: true, labels: ["a"], destination: destination)
    let a = output.open(label: "a", colorIndex: 0)
    output.write(a, .standardOutput, lines("x\n"))
    #expect(destination.text() == "\u{1B}[36ma\u{1B}[0m | x\n")
  }

  @Test func groupModeKeepsEachTaskInOneBlock() {
    let destination = OutputDestination.memory()
    let output = OutputCoordinator(mode: .group, color: false, destination: destination)
    let first = output.open(label: "first", colorIndex: 0)
    let second = output.open(label: "second", colorIndex: 1)
    output.write(second, .standardOutput, lines("s1\n"))
    output.write(first, .standardOutput, lines("f1\n"))
    output.write(second, .standardOutput, lines("s2\n"))
    #expect(destination.text() == "f1\n")
    output.close(second)
    #expect(destination.text() == "f1\n")
    output.write(first, .standardOutput, lines("f2\n"))
    output.close(first)
    #expect(destination.text() == "f1\nf2\ns1\ns2\n")
  }

  @Test func groupModeLetsTheNextTaskStreamLiveOnceTheOldestEnds() {
    let destination = OutputDestination.memory()
    let output = OutputCoordinator(mode: .group, color: false, destination: destination)
    let first = output.open(label: "first", colorIndex: 0)
    let second = output.open(label: "second", colorIndex: 1)
    output.write(second, .standardOutput, lines("s1\n"))
    output.close(first)
    #expect(destination.text() == "s1\n")
    output.write(second, .standardOutput, lines("s2\n"))
    #expect(destination.text() == "s1\ns2\n")
  }

  @Test func outputWaitingBehindASlowTaskGoesToDiskAndComesBackWholeInOrder() {
    let destination = OutputDestination.memory()
    let output = OutputCoordinator(mode: .group, color: false, destination: destination)
    let slow = output.open(label: "slow", colorIndex: 0)
    let loud = output.open(label: "loud", colorIndex: 1)
    // Three times what is kept in memory, on both channels.
    let line = lines(String(repeating: "y", count: 1023) + "\n")
    let chunk = Array((0..<256).map { _ in line }.joined())
    for index in 0..<(3 * WaitingOutput.memoryLimit / chunk.count) {
      output.write(loud, index % 2 == 0 ? .standardOutput : .standardError, chunk)
    }
    output.write(loud, .standardError, lines("last\n"))
    output.close(loud)
    #expect(destination.text().isEmpty)
    output.close(slow)
    let written = destination.text()
    #expect(written.utf8.count == 3 * WaitingOutput.memoryLimit + 5)
    #expect(written.hasSuffix("y\nlast\n"))
    #expect(destination.text(.standardError).utf8.count == 3 * WaitingOutput.memoryLimit / 2 + 5)
  }

  @Test func aSecretCutBetweenTwoPiecesOfALongLineIsStillMasked() {
    let destination = OutputDestination.memory()
    let output = OutputCoordinator(
      mode: .interleave, color: false, masker: Masker(["hunter2-secret"]),
      destination: destination)
    let stream = output.open(label: "t", colorIndex: 0)
    // Pieces of one long line, as the line splitter hands them over: no line break at the end.
    let long = LineSplitter.longestLine
    output.write(stream, .standardOutput, lines(String(repeating: "a", count: long) + "hunter2"))
    #expect(!destination.text().isEmpty, "a piece goes out before the line ends")
    output.write(stream, .standardOutput, lines("-secret" + String(repeating: "b", count: long)))
    output.write(stream, .standardOutput, lines("bbb\n"))
    output.write(stream, .standardOutput, lines("tail-without-newline hunter2-sec"))
    output.endLine(stream)
    let text = destination.text()
    let line = text.prefix { $0 != "t" }
    #expect(!line.contains("hunter") && !line.contains("secret"))
    #expect(text.contains("****"))
    #expect(text.hasSuffix("\ntail-without-newline hunter2-sec\n"))
    #expect(text.replacing("\n", with: "").count == 2 * long + 4 + 3 + 32)
  }

  @Test func ciModeWrapsEachTaskInAWorkflowGroup() {
    let destination = OutputDestination.memory()
    let output = OutputCoordinator(
      mode: .prefix, color: false, ci: true, labels: ["lint", "test"], destination: destination)
    let lint = output.open(label: "lint", colorIndex: 0)
    let test = output.open(label: "test", colorIndex: 1)
    output.announce(lint, .start(label: "lint"))
    output.announce(test, .start(label: "test"))
    output.write(test, .standardOutput, lines("t\n"))
    output.write(lint, .standardOutput, lines("l\n"))
    output.announce(test, .failed(label: "test", status: "exited 1", duration: .zero, attempts: []))
    output.close(test)
    output.announce(lint, .succeeded(label: "lint", duration: .zero))
    output.close(lint)
    #expect(
      destination.text() == """
        ::group::lint
        lint | l
        ::endgroup::
        ✓ lint 0.0s
        ::group::test
        test | t
        ::endgroup::
        ✗ test exited 1 after 0.0s
        ::error::test exited 1 after 0.0s

        """)
  }

  @Test func quietModeShowsOnlyFailures() {
    let destination = OutputDestination.memory()
    let output = OutputCoordinator(
      mode: .interleave, color: false, verbosity: .quiet, destination: destination)
    let a = output.open(label: "a", colorIndex: 0)
    output.announce(a, .start(label: "a"))
    output.announce(a, .succeeded(label: "a", duration: .seconds(1)))
    output.announce(a, .failed(label: "a", status: "exited 2", duration: .seconds(1), attempts: []))
    #expect(destination.text() == "✗ a exited 2 after 1.0s\n")
  }
}
