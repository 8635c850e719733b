import BlumeopsCore
import Glibc

/// The run history and task logs under `<root>/.blumeops/`.
public struct HistoryStore: Sendable {
  public let root: String

  public init(root: String) {
    self.root = root
  }

  public var stateDirectory: String { root + "/.blumeops" }
  public var historyFile: String { stateDirectory + "/history.jsonl" }
  public var logsDirectory: String { stateDirectory + "/logs" }
  public func logDirectory(run id: String) -> String { logsDirectory + "/" + id }

  /// How many of the latest runs keep their task logs.
  public static let runsWithLogs = 100

  /// Creates `.blumeops/` (ignored by git through its own `.gitignore`) and records the start.
  /// The run's log folder comes with the first task output (`TaskLog`).
  public func begin(_ record: RunRecord) {
    FileSystem.makeDirectories(stateDirectory)
    let ignore = stateDirectory + "/.gitignore"
    if !FileSystem.exists(ignore) { FileSystem.replaceContents(of: ignore, with: "*\n") }
    FileSystem.append(record.startLine(), to: historyFile)
  }

  public func finish(_ record: RunRecord) {
    FileSystem.append(record.endLine(), to: historyFile)
    LogRetention.prune(logsDirectory, keep: Self.runsWithLogs)
  }

  /// Every run, oldest first. A run whose end was never written reads as `interrupted`
  /// (or `running` while its process is still alive).
  public func records() -> [RunRecord] {
    guard let bytes = FileSystem.readBytes(historyFile) else { return [] }
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
            duration: task["duration"]?.scalar.flatMap { Double($0) })
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
