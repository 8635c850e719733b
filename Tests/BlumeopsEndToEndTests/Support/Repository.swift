#if canImport(Glibc)
  import Glibc
#endif

/// The repository this test file lives in, and copies of it for tests to run against.
enum Repository {
  static let root: String = {
    var path = #filePath
    for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path
  }()

  static let content = [
    "tasks", "ansible", "argocd", "pulumi", "fly", "nixos", "docs", "CHANGELOG.md",
  ]

  /// A fresh copy of the repository's ops content, with recording fakes first on PATH.
  static func copy(fakes: [String] = []) -> Fixture {
    let fixture = Fixture([:])
    for item in content {
      _ = runProcess(["/bin/cp", "-a", root + "/" + item, fixture.root + "/"])
    }
    for tool in fakes { fixture.fakeTool(tool) }
    return fixture
  }

  /// Whether a program is installed on the machine's own PATH.
  static func installed(_ tool: String) -> Bool {
    runProcess(["/bin/sh", "-c", "command -v \(tool)"]) == 0
  }
}

/// Runs a helper program to completion and returns its exit status.
@discardableResult
func runProcess(_ argv: [String]) -> Int32 {
  var pid: pid_t = 0
  var arguments = argv.map { strdup($0) } + [nil]
  defer { arguments.forEach { free($0) } }
  guard posix_spawn(&pid, argv[0], nil, nil, &arguments, environ) == 0 else { return -1 }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  return (status >> 8) & 0xff
}
