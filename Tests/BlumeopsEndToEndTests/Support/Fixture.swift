import Glibc

/// A throw-away project folder with task files, and fake tools first on PATH that record their
/// argv, environment and working directory to `calls.log`.
struct Fixture {
  let root: String

  init(_ files: [String: String], fakeTools: [String: Int32] = [:]) {
    root = Fixture.makeTemporaryDirectory(prefix: "project")
    mkdir(root + "/bin", 0o755)
    for (path, text) in files { add(path, text) }
    for (tool, code) in fakeTools { fakeTool(tool, exitCode: code) }
  }

  /// Writes a file, creating folders; a path ending in `*` is made executable (the `*` dropped).
  func add(_ path: String, _ text: String) {
    let executable = path.hasSuffix("*")
    let relative = executable ? String(path.dropLast()) : path
    let full = root + "/" + relative
    Fixture.makeDirectories(String(full[..<full.lastIndex(of: "/")!]))
    _ = Fixture.write(text, to: full)
    if executable { chmod(full, 0o755) }
  }

  /// A fake tool: logs `tool|cwd|argv…` and each of its `*_SECRET`/`*TOKEN*`/`*_ID` variables, then
  /// prints `FAKE_<TOOL>_OUTPUT` and exits with `code` (or `$FAKE_<TOOL>_EXIT`).
  func fakeTool(_ name: String, exitCode code: Int32 = 0) {
    let variable = name.uppercased().replacing("-", with: "_")
    add(
      "bin/\(name)*",
      """
      #!/bin/bash
      {
        printf '%s|%s' "\(name)" "$PWD"
        for a in "$@"; do printf '|%s' "$a"; done
        printf '\\n'
        env | grep -E '^[A-Z_]*(SECRET|TOKEN|CLIENT_ID|AUTHKEY)[A-Z_]*=' | sed 's/^/  env /' | sort
      } >> "\(root)/calls.log"
      if [ -n "${FAKE_\(variable)_OUTPUT:-}" ]; then printf '%s\\n' "$FAKE_\(variable)_OUTPUT"; fi
      exit ${FAKE_\(variable)_EXIT:-\(code)}
      """)
  }

  var calls: String { Fixture.read(root + "/calls.log") ?? "" }

  /// The environment tests run blumeops in: fake tools first, no colour, no CI.
  func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = [
      "PATH": root + "/bin:/usr/local/bin:/usr/bin:/bin", "HOME": root, "NO_COLOR": "1",
      "LANG": "C.UTF-8", "USER": "tester",
    ]
    // Under `blumeops asan` the binary is instrumented too, and needs the same options.
    for key in ["ASAN_OPTIONS", "LSAN_OPTIONS"] {
      if let value = getenv(key) { environment[key] = String(cString: value) }
    }
    for (key, value) in extra { environment[key] = value }
    return environment
  }

  func run(
    _ arguments: [String], in subdirectory: String = "", environment extra: [String: String] = [:],
    stdin: String? = nil
  ) -> BinaryRun {
    start(arguments, in: subdirectory, environment: extra, stdin: stdin).wait()
  }

  func start(
    _ arguments: [String], in subdirectory: String = "", environment extra: [String: String] = [:],
    stdin: String? = nil, throughTerminal: Bool = false, stdinStaysOpen: Bool = false,
    terminalSize: (rows: Int, columns: Int)? = nil
  ) -> RunningBinary {
    RunningBinary.start(
      arguments, in: subdirectory.isEmpty ? root : root + "/" + subdirectory,
      environment: environment(extra), stdin: stdin, throughTerminal: throughTerminal,
      stdinStaysOpen: stdinStaysOpen, terminalSize: terminalSize)
  }

  func read(_ path: String) -> String? { Fixture.read(root + "/" + path) }
  func exists(_ path: String) -> Bool { access(root + "/" + path, F_OK) == 0 }

  static func makeTemporaryDirectory(prefix: String) -> String {
    var template = Array("\(scratchRoot)/\(prefix)-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
  }

  /// This test process's scratch folder, `/tmp/blumeops-e2e/<pid>`. Tests may still be reading
  /// their fixtures when the process ends, so each run sweeps the folders of finished runs instead.
  static let scratchRoot: String = {
    let parent = "/tmp/blumeops-e2e"
    mkdir(parent, 0o755)
    if let directory = opendir(parent) {
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) {
          String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
        }
        guard let pid = pid_t(name), kill(pid, 0) != 0, errno == ESRCH else { continue }
        runProcess(["/bin/rm", "-rf", parent + "/" + name])
      }
      closedir(directory)
    }
    let path = parent + "/\(getpid())"
    mkdir(path, 0o755)
    return path
  }()

  static func makeDirectories(_ path: String) {
    var current = ""
    for part in path.split(separator: "/") {
      current += "/" + part
      mkdir(current, 0o755)
    }
  }

  static func write(_ text: String, to path: String) -> Bool {
    // Close-on-exec ("e"): a binary another test starts meanwhile must not inherit this file
    // open for writing, or running it as a fake tool would fail with ETXTBSY.
    guard let file = fopen(path, "we") else { return false }
    defer { fclose(file) }
    return fputs(text, file) >= 0
  }

  static func read(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count == 0 { break }
      bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// Whether any process still runs whose command line contains `marker`.
/// The processes matching `marker` still there after up to two seconds: a SIGKILL is sent before
/// blumeops exits, but the kernel finishes the killed process a moment later, and sooner or later
/// depending on the load. One that was never killed (these sleep for an hour) is still there.
func processesLeft(_ marker: String) -> [Int32] {
  var left = processesMatching(marker)
  for _ in 0..<40 where !left.isEmpty {
    usleep(50_000)
    left = processesMatching(marker)
  }
  return left
}

func processesMatching(_ marker: String) -> [Int32] {
  guard let directory = opendir("/proc") else { return [] }
  defer { closedir(directory) }
  var pids: [Int32] = []
  while let entry = readdir(directory) {
    let name = withUnsafePointer(to: entry.pointee.d_name) {
      $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
    }
    guard let pid = Int32(name), let raw = Fixture.read("/proc/\(name)/cmdline") else { continue }
    let bytes = raw.replacing("\u{0}", with: " ")
    let state = Fixture.read("/proc/\(name)/stat") ?? ""
    if bytes.contains(marker), !state.contains(") Z") { pids.append(pid) }
  }
  return pids
}
