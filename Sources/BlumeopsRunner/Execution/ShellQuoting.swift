/// Shell-style quoting, for showing an argv as a command line (`-v`).
enum ShellQuoting {
  static func quote(_ argument: String) -> String {
    let safe =
      !argument.isEmpty
      && argument.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || "-_./=:,+@%".unicodeScalars.contains(scalar))
      }
    if safe { return argument }
    return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  static func join(_ argv: [String]) -> String { argv.map(quote).joined(separator: " ") }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
