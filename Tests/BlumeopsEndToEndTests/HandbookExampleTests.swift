import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Every shell example of `docs/` marked runnable (```` ```sh runnable ````, see
/// docs/reference/doc-card-format.md) runs against a copy of the repository with fake ops tools,
/// and prints what its card shows.
@Suite struct HandbookExampleTests {
  /// Tools the examples may reach, faked: each logs its call and exits 0.
  static let fakes = ["op", "pulumi", "kubectl", "fly", "ansible-playbook", "uv", "ssh", "curl"]

  static let examples: [RunnableExample] = Repository.docs.flatMap { path in
    RunnableExample.examples(
      in: Fixture.read(Repository.root + "/docs/" + path) ?? "", path: "docs/" + path)
  }

  @Test func theHandbookHasRunnableExamples() {
    #expect(Self.examples.count >= 8, "\(Self.examples.map(\.path))")
  }

  @Test(arguments: examples.map { "\($0.path):\($0.line)" })
  func runnableExample(_ name: String) {
    let example = Self.examples.first { "\($0.path):\($0.line)" == name }!
    let fixture = Repository.copy(fakes: Self.fakes)
    _ = runProcess(["/bin/ln", "-s", RunningBinary.binaryPath, fixture.root + "/bin/blumeops"])
    for command in example.commands {
      let (status, output) = Self.run(command.line, in: fixture)
      #expect(status == command.status, "`\(command.line)` (\(name))\n\(output)")
      let missing = RunnableExample.missing(command.expected, in: output)
      #expect(missing.isEmpty, "`\(command.line)` (\(name)) did not print \(missing)\n\(output)")
    }
  }

  /// Runs one command line with bash in the fixture, at most two minutes; stdout and stderr
  /// together.
  static func run(_ line: String, in fixture: Fixture) -> (Int32, String) {
    let out = fixture.root + "/.example-output"
    var environment = fixture.environment([
      "FAKE_ANSIBLE_PLAYBOOK_OUTPUT": "ansible-playbook [core 2.17.4]",
      "FAKE_PULUMI_OUTPUT": "v3.140.0", "FAKE_KUBECTL_OUTPUT": "v1.31.2",
    ])
    environment["PATH"] = (environment["PATH"] ?? "") + ":" + Repository.pathOfMachine
    let assignments = environment.map { "\($0.key)=\($0.value)" }
    let status = runProcess(
      ["/usr/bin/env", "-i"] + assignments + [
        "/usr/bin/timeout", "-k", "5", "120", "/bin/bash", "-c",
        "cd \"$HOME\" && { \(line)\n} > '\(out)' 2>&1",
      ])
    return (status, Fixture.read(out) ?? "")
  }
}

extension Repository {
  /// The docs, by path relative to `docs/`, without the changelog fragments.
  static var docs: [String] {
    let scratch = Fixture.makeTemporaryDirectory(prefix: "docs")
    runProcess([
      "/bin/sh", "-c",
      "cd '\(root)/docs' && find . -name '*.md' -not -path '*/changelog.d/*' | sort > '\(scratch)/names'",
    ])
    return (Fixture.read(scratch + "/names") ?? "").split(separator: "\n").map {
      String($0.dropFirst(2))
    }
  }
}
