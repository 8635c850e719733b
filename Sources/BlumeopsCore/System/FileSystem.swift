import Glibc
import SystemPackage

/// The one way blumeops reads files, lists folders, makes folders and normalises paths:
/// swift-system underneath, and no Foundation, whose start-up cost shows in a short run.
public enum FileSystem {
  /// A whole file's bytes, or nil when it cannot be read.
  public static func readBytes(_ path: String) -> [UInt8]? {
    guard let file = try? FileDescriptor.open(path, .readOnly, options: .closeOnExec) else {
      return nil
    }
    defer { try? file.close() }
    return try? file.readToEnd()
  }

  public static func readText(_ path: String) -> String? {
    readBytes(path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The file's kind after following symbolic links, or nil when nothing is there.
  public static func kind(of path: String) -> FileType? {
    (try? FilePath(path).stat())?.type
  }

  /// The entry's own kind, a symbolic link not followed.
  public static func ownKind(of path: String) -> FileType? {
    (try? FilePath(path).stat(followTargetSymlink: false))?.type
  }

  public static func isDirectory(_ path: String) -> Bool { kind(of: path) == .directory }

  public static func isExecutableFile(_ path: String) -> Bool {
    kind(of: path) == .regular && isExecutable(path)
  }

  /// Whether the user may execute `path`, already known to be a regular file.
  public static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }

  public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// One entry of a directory listing.
  public struct Entry: Sendable {
    public let name: String
    /// The entry's own kind as the listing reports it (a symbolic link is `.symbolicLink`), or
    /// nil when the file system does not say: then ask `ownKind(of:)`. Most entries need no
    /// `stat` this way.
    public let type: FileType?

    /// Whether the entry is a folder, following a symbolic link.
    public func isDirectory(in directory: String) -> Bool {
      type == .directory
        || (type == nil || type == .symbolicLink) && FileSystem.isDirectory(directory + "/" + name)
    }
  }

  /// Entries of a directory, sorted by name, without `.` and `..`. Empty when the directory
  /// cannot be read.
  public static func entries(_ path: String) -> [Entry] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var entries: [Entry] = []
    while let entry = readdir(directory) {
      // Read the name where it is: a record is only as long as its name, so copying the
      // 256-byte `d_name` field would read past the last record of readdir's buffer.
      let name = String(
        cString: (UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
          .assumingMemoryBound(to: CChar.self))
      guard name != ".", name != ".." else { continue }
      // A listing's type is the mode's type bits shifted down (`DT_DIR == S_IFDIR >> 12`).
      let type = entry.pointee.d_type
      entries.append(
        Entry(
          name: name, type: type == DT_UNKNOWN ? nil : FileType(rawValue: mode_t(type) << 12)))
    }
    return entries.sorted { $0.name < $1.name }
  }

  /// Entry names of a directory, sorted, without `.` and `..`.
  public static func list(_ path: String) -> [String] {
    entries(path).map { $0.name }
  }

  /// Creates `path` and its missing parents, like `mkdir -p`; throws why when the folder is not
  /// there after.
  public static func makeDirectories(_ path: String) throws(Errno) {
    if mkdir(path, 0o755) == 0 { return }
    let error = Errno(rawValue: errno)
    if error == .fileExists {
      guard isDirectory(path) else { throw .notDirectory }
      return
    }
    guard error == .noSuchFileOrDirectory else { throw error }
    let parent = FilePath(path).removingLastComponent()
    guard !parent.isEmpty, parent.string != path else { throw error }
    try makeDirectories(parent.string)
    if mkdir(path, 0o755) != 0, !isDirectory(path) { throw Errno(rawValue: errno) }
  }

  public static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  }

  /// `path` made absolute against `base` and lexically normalised (`.` and `..` resolved
  /// without asking the file system, as a shell's `cd` does).
  public static func absolute(_ path: String, from base: String) -> String {
    FilePath(base).pushing(FilePath(path)).lexicallyNormalized().string
  }
}

extension FileDescriptor {
  /// What one `read` returns, at most `count` bytes: empty at the end of the input. The buffer
  /// is never zeroed, and `EINTR` is retried.
  public func readOnce(upTo count: Int) throws(Errno) -> [UInt8] {
    var failure: Errno?
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
      do {
        filled = try read(into: UnsafeMutableRawBufferPointer(buffer))
      } catch let error as Errno {
        failure = error
        filled = 0
      } catch {
        failure = .ioError
        filled = 0
      }
    }
    if let failure { throw failure }
    return bytes
  }

  /// Up to `count` bytes, fewer only at the end of the input.
  public func read(upTo count: Int) throws(Errno) -> [UInt8] {
    var bytes = try readOnce(upTo: count)
    while bytes.count < count {
      let more = try readOnce(upTo: count - bytes.count)
      if more.isEmpty { break }
      bytes += more
    }
    return bytes
  }

  /// Everything left to read, in reads sized from `fstat` (one byte more, so that the end shows
  /// in the same read).
  func readToEnd() throws(Errno) -> [UInt8] {
    var capacity = max(Int((try? stat().size) ?? 0) + 1, 256)
    var bytes: [UInt8] = []
    while true {
      let chunk = try read(upTo: capacity)
      if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
      if chunk.count < capacity { return bytes }
      // The file grew since `fstat`.
      capacity *= 2
    }
  }
}
