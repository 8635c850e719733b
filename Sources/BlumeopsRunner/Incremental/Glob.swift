import BlumeopsCore
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

  /// Symbolic links are not followed: a link to an ancestor would never end.
  static func walk(_ base: String, relative: String, into result: inout [String]) {
    let path = relative.isEmpty ? base : base + "/" + relative
    for entry in FileSystem.entries(path) where entry.name != ".git" && entry.name != ".blumeops" {
      let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
      switch entry.type ?? FileSystem.ownKind(of: base + "/" + child) {
      case .directory: walk(base, relative: child, into: &result)
      case .regular: result.append(child)
      default: continue
      }
    }
  }

  static func isFile(_ path: String) -> Bool { FileSystem.kind(of: path) == .regular }

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
