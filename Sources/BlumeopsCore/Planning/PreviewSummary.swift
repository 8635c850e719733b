/// What a preview said it would change, read from its output where the tool reports it:
/// Pulumi's resource counts (`+ 2 to create`, `~ 1 to update`, `- 1 to delete`) and Ansible's
/// play recap (`changed=N` per host). Pure text in, summary out.
public struct PreviewSummary: Sendable, Equatable {
  /// One line for the prompt and the history, such as `+ 2 to create, ~ 1 to update`.
  public var line: String
  /// False when the tool said nothing would change; nil when the output did not say.
  public var changes: Bool?

  public init(line: String, changes: Bool?) {
    self.line = line
    self.changes = changes
  }

  /// The summary of a preview's output, or nil when no known tool's summary is in it.
  public static func read(_ output: String) -> PreviewSummary? {
    let lines = output.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
      Self.withoutColour($0)
    }
    return pulumi(lines) ?? ansible(lines)
  }

  /// `Resources:` then lines such as `    + 2 to create` and `    5 unchanged`.
  private static func pulumi(_ lines: [Substring]) -> PreviewSummary? {
    var changes: [String] = []
    var unchanged: Int?
    for line in lines {
      let words = line.split(separator: " ")
      if words.count == 4, let count = Int(words[1]), words[2] == "to",
        ["+", "~", "-", "+-", "-+"].contains(words[0])
      {
        if count > 0 { changes.append("\(words[0]) \(count) to \(words[3])") }
      } else if words.count == 2, words[1] == "unchanged", let count = Int(words[0]) {
        unchanged = count
      }
    }
    if !changes.isEmpty {
      return PreviewSummary(line: changes.joined(separator: ", "), changes: true)
    }
    guard let unchanged else { return nil }
    return PreviewSummary(line: "no changes (\(unchanged) unchanged)", changes: false)
  }

  /// `PLAY RECAP` lines: `indri : ok=12 changed=2 unreachable=0 failed=0 ...`.
  private static func ansible(_ lines: [Substring]) -> PreviewSummary? {
    var hosts = 0
    var changed = 0
    var failed = 0
    for line in lines where line.contains(" changed=") && line.contains(" ok=") {
      hosts += 1
      for field in line.split(separator: " ") {
        let parts = field.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let value = Int(parts[1]) else { continue }
        if parts[0] == "changed" { changed += value }
        if parts[0] == "failed" || parts[0] == "unreachable" { failed += value }
      }
    }
    guard hosts > 0 else { return nil }
    let on = "on \(hosts) host\(hosts == 1 ? "" : "s")"
    var line = "changed=\(changed) \(on)"
    if failed > 0 { line += ", \(failed) failed or unreachable" }
    return PreviewSummary(line: line, changes: changed > 0 || failed > 0 ? true : false)
  }

  /// The line without ANSI colour codes, trimmed.
  private static func withoutColour(_ line: Substring) -> Substring {
    var text = ""
    var index = line.startIndex
    while index < line.endIndex {
      if line[index] == "\u{1B}", line.index(after: index) < line.endIndex,
        line[line.index(after: index)] == "["
      {
        index = line.index(index, offsetBy: 2)
        while index < line.endIndex, !line[index].isLetter { index = line.index(after: index) }
        if index < line.endIndex { index = line.index(after: index) }
        continue
      }
      text.append(line[index])
      index = line.index(after: index)
    }
    return Substring(text.trimmingCharacters(in: " \t"))
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
