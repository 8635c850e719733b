import BlumeopsCore

/// Every doc under `<root>/docs`, parsed once, in path order.
public struct DocSet: Sendable {
  public var docs: [Doc]
  /// Whether `<root>/CHANGELOG.md` exists, which makes `CHANGELOG` a valid link.
  public var hasChangelog: Bool
  /// Doc indices by stem, each list in path order.
  public let docsByStem: [String: [Int]]
  /// Names of the folders directly under `docs/` (those holding docs, plus any found on disk).
  public var folders: Set<String>

  public init(docs: [Doc], hasChangelog: Bool = false, folders: Set<String> = []) {
    self.docs = docs.sorted { $0.path < $1.path }
    self.hasChangelog = hasChangelog
    self.folders = folders
    for doc in self.docs {
      if let slash = doc.path.firstIndex(of: "/") { self.folders.insert(String(doc.path[..<slash])) }
    }
    var byStem: [String: [Int]] = [:]
    for (index, doc) in self.docs.enumerated() { byStem[doc.stem, default: []].append(index) }
    self.docsByStem = byStem
  }

  /// Loads `<root>/docs`; a missing folder is an empty set.
  public static func load(root: String) -> DocSet {
    let docsRoot = root + "/docs"
    var paths: [String] = []
    collect(directory: docsRoot, relative: "", into: &paths)
    let docs = paths.map { path in
      DocParser.parse(path: path, bytes: FileSystem.readBytes(docsRoot + "/" + path) ?? [])
    }
    let folders = FileSystem.list(docsRoot).filter { FileSystem.isDirectory(docsRoot + "/" + $0) }
    return DocSet(
      docs: docs, hasChangelog: FileSystem.exists(root + "/CHANGELOG.md"), folders: Set(folders))
  }

  /// Parses docs given as texts, keyed by path relative to `docs/` (for tests and tools).
  public static func parse(_ files: [String: [UInt8]], hasChangelog: Bool = false) -> DocSet {
    DocSet(
      docs: files.map { DocParser.parse(path: $0.key, bytes: $0.value) }, hasChangelog: hasChangelog)
  }

  private static func collect(directory: String, relative: String, into paths: inout [String]) {
    for name in FileSystem.list(directory) {
      let full = directory + "/" + name
      let path = relative.isEmpty ? name : relative + "/" + name
      if FileSystem.isDirectory(full) {
        // Towncrier fragments live in changelog.d at any depth; they are never docs.
        if name != "changelog.d" { collect(directory: full, relative: path, into: &paths) }
      } else if name.hasSuffix(".md") {
        paths.append(path)
      }
    }
  }
}
