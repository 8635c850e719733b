import BlumeopsCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads and parses doc files, in parallel: each file is independent and most of the cost.
enum DocFile {
  /// One `Doc` per relative path, in the same order, with the parts asked for.
  static func parseAll(paths: [String], in directory: String, parts: DocParts = .all) -> [Doc] {
    let parsing = DocParsing(paths: paths, in: directory, parts: parts)
    let helping = ParallelWork.start(helpersFor(paths.count)) { parsing.help() }
    let docs = parsing.docs()
    helping.join()
    return docs
  }

  /// Threads worth starting besides the caller: one per 16 docs, up to one per core (and 8).
  static func helpersFor(_ count: Int, reservedCores: Int = 0) -> Int {
    max(0, min(count / 16, ProcessorCount.online - reservedCores, 8) - 1)
  }

  /// The entries of a directory (without `.` and `..`). The entry type comes from `readdir` when
  /// the file system reports it, saving a `stat`.
  static func entries(of directory: String) -> [DirectoryEntry] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var entries: [DirectoryEntry] = []
    while let entry = readdir(handle) {
      let read = withUnsafeBytes(of: entry.pointee.d_name) { raw -> DirectoryEntry? in
        let name = raw.bindMemory(to: UInt8.self)
        let bytes = UnsafeBufferPointer(rebasing: name[..<(name.firstIndex(of: 0) ?? name.count)])
        let dot = UInt8(ascii: ".")
        if bytes.count <= 2, bytes.allSatisfy({ $0 == dot }), !bytes.isEmpty { return nil }
        return DirectoryEntry(
          name: String(decoding: bytes, as: UTF8.self), isDirectory: false,
          isMarkdown: Doc.isMarkdownName(bytes))
      }
      guard var read else { continue }
      let type = entry.pointee.d_type
      read.isDirectory =
        type == UInt8(DT_DIR)
        || ((type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK))
          && FileSystem.isDirectory(directory + "/" + read.name))
      entries.append(read)
    }
    return entries
  }
}

/// One entry of a directory listing.
struct DirectoryEntry {
  var name: String
  var isDirectory: Bool
  /// The name ends in `.md`.
  var isMarkdown: Bool
}
