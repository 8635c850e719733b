import BlumeopsCore
import Glibc

/// Builds the environments of the tasks' processes.
public enum ProcessEnvironment {
  /// blumeops' own environment. A name set twice keeps its first value, as `getenv` reads it; an
  /// entry without `=` is skipped. Sized once: growing the dictionary went through a
  /// standard-library path that looked conformances up at run time.
  public static func current() -> [String: String] {
    guard let entries = environ as UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? else {
      return [:]
    }
    var count = 0
    while entries[count] != nil { count += 1 }
    var result = [String: String](minimumCapacity: count)
    for index in 0..<count {
      let entry = entries[index]!
      let bytes = UnsafeRawBufferPointer(start: entry, count: strlen(entry))
      guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { continue }
      let name = String(decoding: bytes[..<equals], as: UTF8.self)
      if result[name] == nil {
        result[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
      }
    }
    return result
  }

  /// `base`, then each list in order, later values winning.
  public static func merged(_ base: [String: String], _ layers: [EnvironmentVariable]...)
    -> [String: String]
  {
    // Filled afresh rather than copied on write: the standard library's copy of a dictionary
    // looked its key's conformances up at run time, a full scan the first time in a process,
    // which cost more than these few inserts.
    var result = [String: String](
      minimumCapacity: base.count + layers.reduce(0) { $0 + $1.count })
    for (name, value) in base { result[name] = value }
    for layer in layers {
      for variable in layer { result[variable.name] = variable.value }
    }
    return result
  }
}
