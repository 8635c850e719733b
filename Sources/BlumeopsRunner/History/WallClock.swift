import BlumeopsCore
import Glibc

/// Wall-clock timestamps for records and file names, without Foundation.
public enum WallClock {
  /// Seconds since the epoch, with fractions.
  public static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  /// `2026-11-22T23:55:01Z`.
  public static func iso8601(_ seconds: Double) -> String {
    format(seconds, "%Y-%m-%dT%H:%M:%SZ")
  }

  /// `20261122-235501`, for run ids.
  public static func compact(_ seconds: Double) -> String {
    format(seconds, "%Y%m%d-%H%M%S")
  }

  /// A run's id: `20261203-174712-083-4242`, its UTC start to the millisecond, then its pid. Name
  /// order is start order, even for runs started within one second.
  public static func runID(start seconds: Double, pid: Int32) -> String {
    let milliseconds = Int64((seconds * 1000).rounded())
    let padded = String(1000 + milliseconds % 1000).dropFirst()
    return compact(Double(milliseconds / 1000)) + "-" + padded + "-\(pid)"
  }

  static func format(_ seconds: Double, _ pattern: String) -> String {
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    var buffer = [CChar](repeating: 0, count: 64)
    let count = strftime(&buffer, buffer.count, pattern, &parts)
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// Facts about where a run happens, read without spawning anything.
public enum RunEnvironment {
  public static func user(_ environment: [String: String]) -> String {
    if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
    // Local accounts first: the name service would try nscd's socket and read its own
    // configuration before reaching the same file, which costs a short run more than the rest
    // of its history record.
    if let name = localAccount(getuid()) { return name }
    guard let entry = getpwuid(getuid()) else { return "unknown" }
    return String(cString: entry.pointee.pw_name)
  }

  /// The name of account `uid` in a passwd file, if it is listed there.
  static func localAccount(_ uid: uid_t, in passwd: String = "/etc/passwd") -> String? {
    guard let bytes = FileSystem.readBytes(passwd) else { return nil }
    let wanted = String(uid)
    for line in bytes.split(separator: UInt8(ascii: "\n")) {
      let fields = line.split(
        separator: UInt8(ascii: ":"), maxSplits: 3, omittingEmptySubsequences: false)
      guard fields.count == 4, !fields[0].isEmpty,
        String(decoding: fields[2], as: UTF8.self) == wanted
      else { continue }
      return String(decoding: fields[0], as: UTF8.self)
    }
    return nil
  }

  public static func host() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count) == 0 else { return "unknown" }
    return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  }

  /// The commit checked out in `root`, read from `.git` directly.
  public static func gitCommit(root: String) -> String? {
    let git = root + "/.git"
    guard let head = readTrimmed(git + "/HEAD") else { return nil }
    guard head.hasPrefix("ref: ") else { return head }
    let reference = String(head.dropFirst(5))
    if let commit = readTrimmed(git + "/" + reference) { return commit }
    guard let packed = readTrimmed(git + "/packed-refs") else { return nil }
    for line in packed.split(separator: "\n") where line.hasSuffix(" " + reference) {
      return String(line.prefix { $0 != " " })
    }
    return nil
  }

  private static func readTrimmed(_ path: String) -> String? {
    guard let bytes = FileSystem.readBytes(path) else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    return text.split(separator: "\n").first.map(String.init)
  }
}
