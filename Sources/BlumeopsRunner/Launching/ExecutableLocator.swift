import BlumeopsCore
import Glibc

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

  /// The argv that runs a shell step: its own words when it has no shell syntax and names a
  /// program that starts directly, else the shell's.
  ///
  /// A program that is missing, or a text file without `#!` (which bash runs as a script of its
  /// own), goes through the shell too, so its message and status are bash's own.
  static func command(for script: String, path: String?, directory: String) -> (
    argv: [String], executable: String?
  ) {
    if let words = SimpleCommand.words(script),
      let program = find(words[0], path: path, directory: directory), startsDirectly(program)
    {
      return (words, program)
    }
    return (shellArguments(for: script, path: path, directory: directory), nil)
  }

  /// The argv that runs a script in the shell: `bash -e -o pipefail -c SCRIPT`, or
  /// `sh -e -c SCRIPT` where there is no bash.
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

  /// True when `exec` can start the file by itself: an ELF binary or a `#!` script.
  private static func startsDirectly(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var head = [UInt8](repeating: 0, count: 4)
    let count = read(descriptor, &head, 4)
    return (count >= 2 && head[0...1] == [UInt8(ascii: "#"), UInt8(ascii: "!")])
      || (count == 4 && head == [0x7F, UInt8(ascii: "E"), UInt8(ascii: "L"), UInt8(ascii: "F")])
  }

  private static func isExecutable(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
    return access(path, X_OK) == 0
  }
}
