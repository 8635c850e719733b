#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds programs the way a shell does, so a missing one gets a clear message before any spawn.
enum ExecutableLocator {
  /// The absolute path of `name`: searched on `path` when it has no `/`, else taken relative to
  /// `directory`. Nil when there is no such executable file.
  static func find(_ name: String, path: String?, directory: String) -> String? {
    if name.contains("/") {
      let absolute = name.hasPrefix("/") ? name : directory + "/" + name
      return isExecutable(absolute) ? absolute : nil
    }
    let entries = (path ?? "/usr/local/bin:/usr/bin:/bin").split(
      separator: ":", omittingEmptySubsequences: false)
    for entry in entries {
      let folder = entry.isEmpty ? directory : String(entry)
      let candidate = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      if isExecutable(candidate) { return candidate }
    }
    return nil
  }

  /// The argv that runs a shell step: `bash -e -o pipefail -c SCRIPT`, or `sh -e -c SCRIPT`
  /// where there is no bash.
  static func shellArguments(for script: String, path: String?, directory: String) -> [String] {
    if let bash = find("bash", path: path, directory: directory) {
      return [bash, "-e", "-o", "pipefail", "-c", script]
    }
    let shell = find("sh", path: path, directory: directory) ?? "/bin/sh"
    return [shell, "-e", "-c", script]
  }

  /// True when `path` is an existing directory.
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  private static func isExecutable(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
    return access(path, X_OK) == 0
  }
}
