#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Read from argv directly: `CommandLine.arguments` costs a measurable share of start-up.
let arguments = (1..<max(1, Int(CommandLine.argc))).map {
  String(cString: CommandLine.unsafeArgv[$0]!)
}
// Answered before any async work starts: scripts and shell prompts call `--version` often, and
// the concurrency runtime's worker threads would be most of its cost.
if arguments == ["--version"] || arguments == ["-V"] {
  Console.out(CLI.versionLine)
  exit(0)
}
MemoryTuning.keepFreedMemory()
MainThread.takeSignals()
MainThread.run { await CLI(arguments: arguments).runAndExit() }
