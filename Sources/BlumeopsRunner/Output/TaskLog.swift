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
    let path = directory + "/" + SafeFileName.make(label) + ".log"
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return nil }
    descriptor = fd
  }

  func append(_ bytes: [UInt8]) { Descriptor.writeAll(bytes, to: descriptor) }

  func close() { Descriptor.close(descriptor) }
}
