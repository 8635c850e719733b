import BlumeopsCore

/// The runner's own options, written before the task name.
struct RunnerOptions {
  enum OutputMode: String, CaseIterable { case interleave, prefix, group }

  var jobs: Int?
  var dryRun = false
  var yes = false
  var keepGoing = false
  var output: OutputMode?
  var directory: String?
  var tasksDirectory: String?
  var quiet = false
  var verbose = false
  var noColor = false
  var timings = false
  var force = false
  var noWait = false

  /// Reads options from the front of `arguments`; returns them and the index of the first word
  /// that is not one.
  static func parse(_ arguments: [String]) throws(BlumeopsError) -> (
    RunnerOptions, rest: ArraySlice<String>
  ) {
    var options = RunnerOptions()
    var index = arguments.startIndex
    func value(_ name: String, inline: String?) throws(BlumeopsError) -> String {
      if let inline { return inline }
      index += 1
      guard index < arguments.endIndex else { throw .missingOptionValue(name) }
      return arguments[index]
    }
    while index < arguments.endIndex {
      let word = arguments[index]
      guard word.hasPrefix("-"), word != "-", word != "--" else { break }
      var name = word
      var inline: String?
      if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
        name = String(word[..<equals])
        inline = String(word[word.index(after: equals)...])
      } else if !word.hasPrefix("--"), word.count > 2, let letter = word.dropFirst().first,
        "joC".contains(letter)
      {
        name = "-" + String(letter)
        inline = String(word.dropFirst(2))
      } else if !word.hasPrefix("--"), word.count > 2,
        word.dropFirst().allSatisfy({ "nykqv".contains($0) })
      {
        // Bundled boolean short options: `-nk`.
        for letter in word.dropFirst() {
          _ = try options.apply("-" + String(letter)) { () throws(BlumeopsError) -> String in
            throw .missingOptionValue(word)
          }
        }
        index += 1
        continue
      }
      guard
        try options.apply(
          name, value: { () throws(BlumeopsError) in try value(name, inline: inline) })
      else {
        if ["--help", "-h", "--version", "-V"].contains(word) { break }
        throw .unknownOption(word, task: nil)
      }
      index += 1
    }
    return (options, arguments[index...])
  }

  /// Applies one option; false when the name is not a runner option.
  private mutating func apply(_ name: String, value: () throws(BlumeopsError) -> String)
    throws(BlumeopsError) -> Bool
  {
    switch name {
    case "-j", "--jobs":
      let text = try value()
      guard let jobs = Int(text), jobs > 0 else {
        throw .invalidArgument(
          name: "--jobs", value: text, expected: "a positive whole number", task: "blumeops")
      }
      self.jobs = jobs
    case "-n", "--dry-run": dryRun = true
    case "-y", "--yes": yes = true
    case "-k", "--keep-going": keepGoing = true
    case "-o", "--output":
      let text = try value()
      guard let mode = OutputMode(rawValue: text) else {
        throw .invalidArgument(
          name: "--output", value: text, expected: "`interleave`, `prefix` or `group`",
          task: "blumeops")
      }
      output = mode
    case "-C", "--directory": directory = try value()
    case "--tasks-dir": tasksDirectory = try value()
    case "-q", "--quiet": quiet = true
    case "-v", "--verbose": verbose = true
    case "--no-color", "--no-colour": noColor = true
    case "--timings": timings = true
    case "-f", "--force": force = true
    case "--no-wait": noWait = true
    default: return false
    }
    return true
  }
}
