import BlumeopsCore
import Synchronization

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
    let next = Atomic<Int>(0)
    let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    defer { if folder >= 0 { close(folder) } }
    // Each doc is claimed by whichever thread is free, so a thread that starts late (or never)
    // only means less help, never a stall.
    let workers = min(max(1, paths.count / 16), ProcessorCount.online, 8)
    ParallelWork.run(threads: workers) {
      var buffer = ReadBuffer()
      while true {
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < paths.count else { return }
        let path = paths[index]
        let doc =
          buffer.read(path, relativeTo: folder) { DocParser.parse(path: path, buffer: $0) }
          ?? DocParser.parse(path: path, bytes: [])
        results.store(doc, at: index)
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
}

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
