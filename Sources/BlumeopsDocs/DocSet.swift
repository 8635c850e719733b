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
    let sorted = docs.indices.dropFirst().allSatisfy { docs[$0 - 1].path < docs[$0].path }
    self.docs = sorted ? docs : docs.sorted { $0.path < $1.path }
    self.hasChangelog = hasChangelog
    self.folders = folders
    // Docs come in path order, so a folder is inserted once per run of its docs.
    var previous: Substring = ""
    for index in self.docs.indices {
      let path = self.docs[index].path
      if let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")), path[..<slash] != previous {
        previous = path[..<slash]
        self.folders.insert(String(previous))
      }
    }
    var byStem: [String: [Int]] = [:]
    byStem.reserveCapacity(docs.count)
    for index in self.docs.indices { byStem[self.docs[index].stem, default: []].append(index) }
    self.docsByStem = byStem
  }

  /// Loads `<root>/docs` with the parts asked for; a missing folder is an empty set.
  public static func load(root: String, parts: DocParts = .all) -> DocSet {
    let listing = DocListing(root: root)
    return listing.set(
      DocFile.parseAll(paths: listing.paths, in: listing.docsRoot, parts: parts))
  }

  /// Parses docs given as texts, keyed by path relative to `docs/` (for tests and tools).
  public static func parse(_ files: [String: [UInt8]], hasChangelog: Bool = false) -> DocSet {
    DocSet(
      docs: files.map { DocParser.parse(path: $0.key, bytes: $0.value) }, hasChangelog: hasChangelog
    )
  }
}

/// What `docs/` holds, before any doc is read: the doc paths in order, the folders, and whether
/// the project has a changelog.
struct DocListing {
  let docsRoot: String
  /// Relative to `docs/`, sorted.
  let paths: [String]
  let folders: [String]
  let hasChangelog: Bool

  init(root: String) {
    docsRoot = root + "/docs"
    let top = DocFile.entries(of: docsRoot)
    var paths: [String] = []
    Self.collect(top, in: docsRoot, relative: "", into: &paths)
    self.paths = paths.sorted()
    folders = top.filter(\.isDirectory).map(\.name)
    hasChangelog = FileSystem.exists(root + "/CHANGELOG.md")
  }

  /// The set, given one parsed doc per path.
  func set(_ docs: [Doc]) -> DocSet {
    DocSet(docs: docs, hasChangelog: hasChangelog, folders: Set(folders))
  }

  /// Folders deeper than this are not entered: a symbolic link to an ancestor would never end.
  static let maximumDepth = 32

  private static func collect(
    _ entries: [DirectoryEntry], in directory: String, relative: String,
    depth: Int = 0, into paths: inout [String]
  ) {
    for entry in entries {
      let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
      if entry.isDirectory {
        // Towncrier fragments live in changelog.d at any depth; they are never docs.
        if entry.name != "changelog.d", depth < maximumDepth {
          let folder = directory + "/" + entry.name
          collect(
            DocFile.entries(of: folder), in: folder, relative: path, depth: depth + 1, into: &paths)
        }
      } else if entry.isMarkdown {
        paths.append(path)
      }
    }
  }
}
