#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A task's masked output, appended to `<directory>/<label>.log`.
struct TaskLog: Sendable {
  let descriptor: Int32

  /// Opens (creating) the log of `label`; nil when it cannot be opened.
  init?(directory: String, label: String) {
    Descriptor.makeDirectories(directory)
    let path = directory + "/" + Self.fileName(for: label)
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return nil }
    descriptor = fd
  }

  /// A file name for a label: letters, digits, `.`, `_` and `-` kept, anything else `_`.
  static func fileName(for label: String) -> String {
    var name = String(
      label.unicodeScalars.map { scalar -> Character in
        let allowed =
          scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || scalar == "." || scalar == "_" || scalar == "-")
        return allowed ? Character(scalar) : "_"
      })
    name = String(name.prefix(120))
    if name.isEmpty || name.hasPrefix(".") { name = "_" + name }
    return name + ".log"
  }

  func append(_ bytes: [UInt8]) { Descriptor.writeAll(bytes, to: descriptor) }

  func close() { Descriptor.close(descriptor) }
}
