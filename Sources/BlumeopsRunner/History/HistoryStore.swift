import BlumeopsCore
import Glibc
import SystemPackage

/// The run history and task logs under `<root>/.blumeops/`.
public struct HistoryStore: Sendable {
  public let root: String
  /// The most bytes the task logs of past runs may take; the oldest runs' logs go first.
  public let logBudget: Int

  public init(root: String, logBudget: Int = HistoryStore.defaultLogBudget) {
    self.root = root
    self.logBudget = logBudget
  }

  public var stateDirectory: String { root + "/.blumeops" }
  public var historyFile: String { stateDirectory + "/history.jsonl" }
  /// The history before the last rotation.
  public var previousHistoryFile: String { stateDirectory + "/history.1.jsonl" }
  public var logsDirectory: String { stateDirectory + "/logs" }
  public func logDirectory(run id: String) -> String { logsDirectory + "/" + id }

  /// How many of the latest runs keep their task logs.
  public static let runsWithLogs = 100
  public static let defaultLogBudget = 256 << 20
  /// Past this size the history file is rotated: renamed to `history.1.jsonl`, replacing the one
  /// before. About 10,000 runs of a few tasks each.
  public static let historyRotationSize = 8 << 20

  /// A log budget as `BLUMEOPS_LOG_BUDGET` gives it: bytes, or with a `K`, `M` or `G` suffix
  /// (powers of 1,024); the default when unset, nil when it is not a size.
  public static func logBudget(_ text: String?) -> Int? {
    guard let text, !text.isEmpty else { return defaultLogBudget }
    let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
    let unit = text.last.flatMap { units[Character($0.uppercased())] }
    let digits = unit == nil ? Substring(text) : text.dropLast()
    guard let number = Int(digits), number >= 0 else { return nil }
    let (bytes, overflow) = number.multipliedReportingOverflow(by: unit ?? 1)
    return overflow ? nil : bytes
  }

  /// Creates `.blumeops/` (ignored by git through its own `.gitignore`) and records the start.
  /// The run's log folder comes with the first task output (`TaskLog`). False, after one warning,
  /// when the history cannot be written: the run then keeps no logs either.
  @discardableResult
  public func begin(_ record: RunRecord, warning: StorageWarning? = nil) -> Bool {
    var path = stateDirectory
    do throws(Errno) {
      try FileSystem.makeDirectories(stateDirectory)
      path = stateDirectory + "/.gitignore"
      try repairIgnoreFile(path)
      path = historyFile
      try appendRecord(record.startLine())
      return true
    } catch {
      warning?.report("the run history and task logs", path: relative(path), error)
      return false
    }
  }

  public func finish(_ record: RunRecord, warning: StorageWarning? = nil) {
    do throws(Errno) {
      try appendRecord(record.endLine())
    } catch {
      warning?.report("the run history", path: relative(historyFile), error)
    }
    rotateIfLarge()
    LogRetention.prune(logsDirectory, keep: Self.runsWithLogs, budget: logBudget)
  }

  /// `*` in `.blumeops/.gitignore`, so that git never sees logs or locks, whatever left it empty.
  private func repairIgnoreFile(_ path: String) throws(Errno) {
    let lines = FileSystem.readText(path)?.split(separator: "\n") ?? []
    guard !lines.contains(where: { $0.trimmingPrefix(" ").hasPrefix("*") }) else { return }
    try FileSystem.replaceContents(of: path, with: "*\n")
  }

  /// Appends one record on a line of its own: a record torn by a full disk ends without a line
  /// break, and the next one must not continue it.
  private func appendRecord(_ line: String) throws(Errno) {
    let file = try FileSystem.openForWriting(
      historyFile, options: [.create, .append, .closeOnExec], reading: true)
    defer { try? file.close() }
    var text = line
    // The file is opened to append: where this reads has no bearing on where the line goes.
    if let size = try? file.seek(offset: 0, from: .end), size > 0,
      (try? file.seek(offset: size - 1, from: .start)) != nil,
      let last = try? file.readOnce(upTo: 1), last != [UInt8(ascii: "\n")]
    {
      text = "\n" + text
    }
    try file.writeCompletely(text)
  }

  private func rotateIfLarge() {
    guard let size = try? FilePath(historyFile).stat().size, size > Self.historyRotationSize
    else { return }
    _ = rename(historyFile, previousHistoryFile)
  }

  private func relative(_ path: String) -> String {
    path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
  }

  /// Every run, oldest first. A run whose end was never written reads as `interrupted`
  /// (or `running` while its process is still alive).
  public func records() -> [RunRecord] {
    // A run that started before a rotation has its end in the newer file.
    let bytes =
      (FileSystem.readBytes(previousHistoryFile) ?? []) + [UInt8(ascii: "\n")]
      + (FileSystem.readBytes(historyFile) ?? [])
    var records: [RunRecord] = []
    var positions: [String: Int] = [:]
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
      guard let node = try? YAMLReader.parse(String(line)), let id = node["id"]?.scalar else {
        continue
      }
      switch node["event"]?.scalar {
      case "start":
        var record = RunRecord(
          id: id, start: Self.seconds(node["start"]?.scalar) ?? 0, user: node["user"]?.scalar ?? "",
          host: node["host"]?.scalar ?? "",
          commit: node["commit"].flatMap { $0.isNull ? nil : $0.scalar },
          command: node["command"]?.scalar ?? "", pid: Int32(node["pid"]?.scalar ?? "") ?? 0)
        record.status = record.pid > 0 && kill(record.pid, 0) == 0 ? "running" : "interrupted"
        positions[id] = records.count
        records.append(record)
      case "end":
        guard let index = positions[id] else { continue }
        records[index].end = Self.seconds(node["end"]?.scalar)
        records[index].status = node["status"]?.scalar ?? "unknown"
        records[index].exitCode = node["exit_code"]?.scalar.flatMap { Int32($0) }
        records[index].tasks = (node["tasks"]?.sequence ?? []).map { task in
          RunRecord.TaskOutcome(
            label: task["task"]?.scalar ?? "", status: task["status"]?.scalar ?? "",
            exitCode: task["exit_code"]?.scalar.flatMap { Int32($0) },
            attempts: Int(task["attempts"]?.scalar ?? "") ?? 1,
            duration: task["duration"]?.scalar.flatMap { Double($0) },
            preview: PreviewRecord(task["preview"]),
            start: task["start"]?.scalar.flatMap { Double($0) },
            needs: (task["needs"]?.sequence ?? []).compactMap { $0.scalar.flatMap { Int($0) } })
        }
      default: continue
      }
    }
    return records
  }

  /// Log files of a run: (task label, path), in name order.
  public func logs(run id: String) -> [(task: String, path: String)] {
    let directory = logDirectory(run: id)
    return FileSystem.list(directory).filter { $0.hasSuffix(".log") }.map {
      (String($0.dropLast(4)), directory + "/" + $0)
    }
  }

  public func read(_ path: String) -> String? {
    FileSystem.readBytes(path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Parses `2026-11-22T23:55:01Z`.
  static func seconds(_ text: String?) -> Double? {
    guard let text, text.count >= 20 else { return nil }
    let digits = text.split { !$0.isNumber }.compactMap { Int($0) }
    guard digits.count >= 6 else { return nil }
    var parts = tm()
    parts.tm_year = Int32(digits[0] - 1900)
    parts.tm_mon = Int32(digits[1] - 1)
    parts.tm_mday = Int32(digits[2])
    parts.tm_hour = Int32(digits[3])
    parts.tm_min = Int32(digits[4])
    parts.tm_sec = Int32(digits[5])
    return Double(timegm(&parts))
  }
}
