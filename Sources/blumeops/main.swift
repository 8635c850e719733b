#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

exit(await CLI(arguments: Array(CommandLine.arguments.dropFirst())).run())
