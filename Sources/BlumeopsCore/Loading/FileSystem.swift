import Glibc

/// The few POSIX file operations Core needs, without Foundation's start-up cost.
public enum FileSystem {
  /// A whole file's bytes, or nil when it cannot be read.
  ///
  /// The buffer is sized from `fstat` (one byte more, so the end shows in the same read) and never
  /// zeroed: a fresh zeroed 64 KB buffer per file cost a short run more page faults than the
  /// reading itself.
  public static func readBytes(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    var capacity = fstat(descriptor, &info) == 0 ? max(Int(info.st_size) + 1, 256) : 4096
    var bytes: [UInt8] = []
    while true {
      var failed = false
      var ended = false
      let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
        count = 0
        while count < buffer.count {
          let read = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
          if read < 0 && errno == EINTR { continue }
          if read < 0 { failed = true }
          if read <= 0 {
            ended = true
            return
          }
          count += read
        }
      }
      if failed { return nil }
      if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
      if ended { return bytes }
      // The file grew since `fstat`.
      capacity *= 2
    }
  }

  public static func readText(_ path: String) -> String? {
    readBytes(path).map { String(decoding: $0, as: UTF8.self) }
  }

  public static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  public static func isExecutableFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
  }

  /// Whether the user may execute `path`, already known to be a regular file.
  public static func isExecutable(_ path: String) -> Bool {
    access(path, X_OK) == 0
  }

  public static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  /// What a directory listing says an entry is.
  public enum EntryKind: Sendable {
    case directory
    case regularFile
    /// A symbolic link, or a file system that does not say: ask `stat`.
    case unknown
  }

  /// Entries of a directory by name, sorted, without `.` and `..`, with the kind the listing
  /// reports: most need no `stat` then.
  public static func entries(_ path: String) -> [(name: String, kind: EntryKind)] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var entries: [(name: String, kind: EntryKind)] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      guard name != ".", name != ".." else { continue }
      let kind: EntryKind
      switch Int32(entry.pointee.d_type) {
      case Int32(DT_DIR): kind = .directory
      case Int32(DT_REG): kind = .regularFile
      default: kind = .unknown
      }
      entries.append((name, kind))
    }
    return entries.sorted { $0.name < $1.name }
  }

  /// Entry names of a directory, sorted, without `.` and `..`.
  public static func list(_ path: String) -> [String] {
    entries(path).map { $0.name }
  }

  public static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  }

  /// Joins and normalises a path against a base directory.
  public static func absolute(_ path: String, from base: String) -> String {
    var joined = path.hasPrefix("/") ? path : base + "/" + path
    // Byte by byte: the generic split and join it replaces cost a short command a run-time type
    // lookup the first time, which showed among its largest start-up costs.
    return joined.withUTF8 { bytes in
      let slash = UInt8(ascii: "/")
      let dot = UInt8(ascii: ".")
      var result: [UInt8] = [slash]
      result.reserveCapacity(bytes.count + 1)
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != slash { end += 1 }
        let part = bytes[start..<end]
        if part.count == 2, part.allSatisfy({ $0 == dot }) {
          // `..`: back to the slash before the last part.
          while result.count > 1, result.removeLast() != slash {}
          if result.isEmpty { result = [slash] }
        } else if !part.isEmpty, !(part.count == 1 && part.first == dot) {
          if result.count > 1 { result.append(slash) }
          result.append(contentsOf: part)
        }
        start = end + 1
      }
      return String(decoding: result, as: UTF8.self)
    }
  }
}

private let systemRead = Glibc.read
