import Glibc

/// Expands `sources`/`outputs` globs: `*` and `?` within a path segment, `**` across segments.
public enum Glob {
  /// Matching regular files, as paths relative to `base`, sorted.
  public static func expand(_ pattern: String, in base: String) -> [String] {
    let segments = pattern.split(separator: "/").map(String.init)
    let literal = segments.prefix { !$0.contains("*") && !$0.contains("?") && !$0.contains("[") }
    let start = literal.joined(separator: "/")
    if literal.count == segments.count {
      return isFile(base + "/" + start) ? [start] : []
    }
    var result: [String] = []
    walk(base, relative: start, into: &result)
    return result.filter { matches(pattern, $0) }.sorted()
  }

  static func walk(_ base: String, relative: String, into result: inout [String]) {
    let path = relative.isEmpty ? base : base + "/" + relative
    guard let directory = opendir(path) else { return }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name == "." || name == ".." || name == ".git" || name == ".blumeops" { continue }
      let child = relative.isEmpty ? name : relative + "/" + name
      var info = stat()
      guard lstat(base + "/" + child, &info) == 0 else { continue }
      switch info.st_mode & S_IFMT {
      case S_IFDIR: walk(base, relative: child, into: &result)
      case S_IFREG: result.append(child)
      default: continue
      }
    }
  }

  static func isFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// Whether a relative path matches a pattern.
  public static func matches(_ pattern: String, _ path: String) -> Bool {
    match(pattern.split(separator: "/")[...], path.split(separator: "/")[...])
  }

  private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool
  {
    guard let head = pattern.first else { return path.isEmpty }
    if head == "**" {
      let rest = pattern.dropFirst()
      var remaining = path
      while true {
        if match(rest, remaining) { return true }
        guard !remaining.isEmpty else { return false }
        remaining = remaining.dropFirst()
      }
    }
    guard let segment = path.first, fnmatch(String(head), String(segment), 0) == 0 else {
      return false
    }
    return match(pattern.dropFirst(), path.dropFirst())
  }
}
