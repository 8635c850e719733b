import BlumeopsCore
import CLinux
import Glibc

/// Reads and parses doc files, and lists doc folders.
enum DocFile {
  /// One `Doc` per path (relative to `directory`), in the same order, with the parts asked for.
  static func parseAll(paths: [String], in directory: String, parts: DocParts = .all) -> [Doc] {
    let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    defer { if folder >= 0 { close(folder) } }
    var buffer = ReadBuffer()
    return paths.map { path in
      guard parts.needsText(path) else { return Doc(path: path) }
      return buffer.read(path, relativeTo: folder) {
        DocParser.parse(path: path, buffer: $0, parts: parts)
      } ?? DocParser.parse(path: path, bytes: [], parts: parts)
    }
  }

  /// The entries of a directory (without `.` and `..`). The entry type comes from the listing
  /// when the file system reports it, saving a `stat`.
  static func entries(of directory: String) -> [DirectoryEntry] {
    var entries: [DirectoryEntry] = []
    forEachEntry(in: directory) { name, type in
      let dot = UInt8(ascii: ".")
      if name.count <= 2, name.allSatisfy({ $0 == dot }), !name.isEmpty { return }
      var entry = DirectoryEntry(
        name: String(decoding: name, as: UTF8.self), isDirectory: type == UInt8(DT_DIR),
        isMarkdown: Doc.isMarkdownName(name))
      if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
        entry.isDirectory = FileSystem.isDirectory(directory + "/" + entry.name)
      }
      entries.append(entry)
    }
    return entries
  }

  /// Calls `body` with each entry's name and `d_type`.
  private static func forEachEntry(
    in directory: String, _ body: (UnsafeBufferPointer<UInt8>, UInt8) -> Void
  ) {
    // The entries are read straight into a buffer on the stack: `opendir` added an `fstat`
    // and a 32 KB allocation per folder, a share of a small tree's listing.
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    withUnsafeTemporaryAllocation(byteCount: 16 << 10, alignment: 8) { buffer in
      guard let base = buffer.baseAddress else { return }
      while true {
        let count = clinux_getdents(descriptor, base, UInt(buffer.count))
        guard count > 0 else { return }
        var offset = 0
        // Each record: inode (8 bytes), offset (8), record length (2), type (1), name.
        while offset < count {
          let record = base + offset
          let length = Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
          let type = record.load(fromByteOffset: 18, as: UInt8.self)
          let name = (record + 19).assumingMemoryBound(to: UInt8.self)
          body(UnsafeBufferPointer(start: name, count: strlen(name)), type)
          offset += length
        }
      }
    }
  }
}

/// One entry of a directory listing.
struct DirectoryEntry {
  var name: String
  var isDirectory: Bool
  /// The name ends in `.md`.
  var isMarkdown: Bool
}
