import BlumeopsCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads and parses doc files, in parallel: each file is independent and most of the cost.
enum DocFile {
  /// One `Doc` per relative path, in the same order, with the parts asked for; `helpers` threads
  /// are started to help.
  static func parseAll(
    paths: [String], in directory: String, parts: DocParts = .all, helpers: Int? = nil
  ) -> [Doc] {
    let parsing = DocParsing(paths: paths, in: directory, parts: parts)
    let helping = ParallelWork.start(helpers ?? helpersFor(paths.count)) { parsing.help() }
    let docs = parsing.docs()
    helping.join()
    return docs
  }

  /// Threads worth starting besides the caller: one per 16 docs, up to one per core (and 8).
  static func helpersFor(_ count: Int, reservedCores: Int = 0) -> Int {
    max(0, min(count / 16, ProcessorCount.online - reservedCores, 8) - 1)
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
