import BlumeopsCore

/// Reads and parses doc files, and lists doc folders.
enum DocFile {
  /// One `Doc` per path (relative to `directory`), in the same order, with the parts asked for.
  static func parseAll(paths: [String], in directory: String, parts: DocParts = .all) -> [Doc] {
    paths.map { path in
      guard parts.needsText(path) else { return Doc(path: path) }
      let bytes = FileSystem.readBytes(directory + "/" + path) ?? []
      return DocParser.parse(path: path, bytes: bytes, parts: parts)
    }
  }

  /// The entries of a directory, sorted by name.
  static func entries(of directory: String) -> [DirectoryEntry] {
    FileSystem.entries(directory).map { entry in
      DirectoryEntry(
        name: entry.name, isDirectory: entry.isDirectory(in: directory),
        isMarkdown: entry.name.utf8.count > 3 && entry.name.utf8.suffix(3).elementsEqual(".md".utf8)
      )
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
