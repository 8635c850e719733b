import BlumeopsCore
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads and parses doc files, in parallel: each file is independent and most of the cost.
enum DocFile {
  /// One `Doc` per relative path, in the same order.
  static func parseAll(paths: [String], in directory: String) -> [Doc] {
    let results = ResultSlots(count: paths.count)
    let workers = min(max(1, paths.count / 64), 8)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var index = worker
      while index < paths.count {
        let bytes = read(directory + "/" + paths[index]) ?? []
        results.store(DocParser.parse(path: paths[index], bytes: bytes), at: index)
        index += workers
      }
    }
    return results.docs
  }

  /// Entry names of a directory (without `.` and `..`), with whether each is a directory.
  /// The entry type comes from `readdir` when the file system reports it, saving a `stat`.
  static func entries(of directory: String) -> [(name: String, isDirectory: Bool)] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var entries: [(name: String, isDirectory: Bool)] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      let type = entry.pointee.d_type
      let isDirectory =
        type == UInt8(DT_DIR)
        || ((type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK))
          && FileSystem.isDirectory(directory + "/" + name))
      entries.append((name, isDirectory))
    }
    return entries
  }

  /// The whole file in one buffer sized by `fstat` (no fixed-size chunk to clear per file).
  static func read(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
    var filled = 0
    while true {
      if filled == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
      let count = bytes.withUnsafeMutableBytes {
        systemRead(descriptor, $0.baseAddress! + filled, $0.count - filled)
      }
      if count < 0 { return nil }
      if count == 0 { break }
      filled += count
    }
    bytes.removeLast(bytes.count - filled)
    return bytes
  }
}

#if canImport(Glibc)
  private let systemRead = Glibc.read
#else
  private let systemRead = Darwin.read
#endif

/// Slots written by index from several threads; each index is written once, by one thread.
private final class ResultSlots: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Doc?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  func store(_ doc: Doc, at index: Int) { slots[index] = doc }

  var docs: [Doc] { slots.map { $0! } }
}
