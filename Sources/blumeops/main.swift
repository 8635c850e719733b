import Glibc

// Read from argv directly: `CommandLine.arguments` costs a measurable share of start-up.
let arguments = (1..<max(1, Int(CommandLine.argc))).map {
  String(cString: CommandLine.unsafeArgv[$0]!)
}
// Answered before any thread starts: scripts and shell prompts call `--version` often.
if arguments == ["--version"] || arguments == ["-V"] {
  Console.out(CLI.versionLine)
  exit(0)
}
MemoryTuning.keepFreedMemory()
Interrupts.run { await CLI(arguments: arguments).run() }
