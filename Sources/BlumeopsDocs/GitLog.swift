/// Reads the output of one `git log` pass (`DocsToolkit.gitLogArguments`) into last-commit dates.
public enum GitLog {
  /// `git` arguments: every commit touching docs/ as `NUL author-date`, then its file names.
  public static let arguments = [
    "-c", "core.quotePath=false", "log", "--relative", "--format=%x00%aI", "--name-only", "--",
    "docs",
  ]

  /// A commit's author date: the calendar day as written and an instant for ordering.
  public struct Stamp: Sendable, Equatable {
    public var date: DocsDate
    /// Seconds since the epoch, in UTC.
    public var instant: Int
    public var text: String
  }

  /// The latest author date of each path (relative to the repository root, e.g. `docs/a.md`).
  public static func latestDates(_ output: String) -> [String: Stamp] {
    var latest: [String: Stamp] = [:]
    var current: Stamp?
    // Split on bytes: Character-wise splitting is slow on a log naming every doc.
    for bytes in output.utf8.split(separator: UInt8(ascii: "\n")) {
      let line = Substring(bytes)
      if bytes.first == 0 {
        current = stamp(line.dropFirst())
        continue
      }
      guard let current else { continue }
      let path = unquote(line)
      if let known = latest[path], known.instant >= current.instant { continue }
      latest[path] = current
    }
    return latest
  }

  /// Parses strict ISO 8601 (`2026-11-20T10:00:00+01:00` or `…Z`).
  static func stamp(_ text: Substring) -> Stamp? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 20, let date = DocsDate(String(text.prefix(10))) else { return nil }
    func number(_ range: Range<Int>) -> Int {
      bytes[range].reduce(0) { $0 * 10 + Int($1) - 48 }
    }
    var seconds =
      date.daysSinceEpoch * 86_400 + number(11..<13) * 3600 + number(14..<16) * 60
      + number(17..<19)
    if bytes.count >= 25, bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-") {
      let offset = number(20..<22) * 3600 + number(23..<25) * 60
      seconds += bytes[19] == UInt8(ascii: "+") ? -offset : offset
    }
    return Stamp(date: date, instant: seconds, text: String(text))
  }

  /// Undoes git's C-style quoting of unusual file names, in case quotePath is forced on.
  static func unquote(_ line: Substring) -> String {
    guard line.count >= 2, line.first == "\"", line.last == "\"" else { return String(line) }
    var bytes: [UInt8] = []
    var iterator = Array(line.utf8.dropFirst().dropLast()).makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "\\"), let escaped = iterator.next() else {
        bytes.append(byte)
        continue
      }
      switch escaped {
      case UInt8(ascii: "n"): bytes.append(10)
      case UInt8(ascii: "t"): bytes.append(9)
      case UInt8(ascii: "0")...UInt8(ascii: "7"):
        var value = Int(escaped) - 48
        for _ in 0..<2 { value = value * 8 + Int(iterator.next() ?? 48) - 48 }
        bytes.append(UInt8(truncatingIfNeeded: value))
      default: bytes.append(escaped)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
