/// Finds the project root and reads its task folder: the only place Core touches the disk for tasks.
public struct TaskDirectory: Sendable {
  /// Absolute project root.
  public var root: String
  /// Absolute path of the folder holding task files.
  public var folder: String

  public init(root: String, folder: String? = nil) {
    self.root = root
    self.folder = folder ?? root + "/tasks"
  }

  /// The nearest ancestor of `directory` whose `tasks/` folder holds task files.
  public static func locate(from directory: String) -> TaskDirectory? {
    var current = FileSystem.absolute(".", from: directory)
    while true {
      let candidate = current == "/" ? "/tasks" : current + "/tasks"
      if FileSystem.isDirectory(candidate), holdsTaskFiles(candidate) {
        return TaskDirectory(root: current)
      }
      if current == "/" { return nil }
      current = FileSystem.absolute("..", from: current)
    }
  }

  /// True when a folder has a YAML file with a top-level `tasks:` key or an executable file task.
  /// Ansible's role `tasks/` folders hold lists, so they never qualify.
  static func holdsTaskFiles(_ folder: String) -> Bool {
    for name in FileSystem.list(folder) where !name.hasPrefix(".") {
      let path = folder + "/" + name
      if isYAML(name) {
        if let text = FileSystem.readText(path), hasTopLevelTasksKey(text) { return true }
      } else if FileSystem.isExecutableFile(path) {
        return true
      }
    }
    return false
  }

  static func hasTopLevelTasksKey(_ text: String) -> Bool {
    // Line by line over bytes: the generic `contains` of a string cost more at start-up than
    // reading the file.
    let key = Array("tasks:".utf8)
    var lineStart = true
    var matched = 0
    for byte in text.utf8 {
      if matched > 0 || lineStart {
        if byte == key[matched] {
          matched += 1
          if matched == key.count { return true }
          lineStart = false
          continue
        }
        matched = 0
      }
      lineStart = byte == UInt8(ascii: "\n")
    }
    return false
  }

  static func isYAML(_ name: String) -> Bool {
    name.hasSuffix(".yaml") || name.hasSuffix(".yml")
  }

  /// Reads every task file: YAML files of the folder in name order, then executable file tasks
  /// (at any depth; a sub-folder becomes a `:` namespace).
  public func read() throws(BlumeopsError) -> [TaskSourceFile] {
    guard FileSystem.isDirectory(folder) else {
      throw .unreadableFile(path: relative(folder), reason: "not a directory")
    }
    var yaml: [TaskSourceFile] = []
    var scripts: [TaskSourceFile] = []
    try collect(folder, namespace: [], yaml: &yaml, scripts: &scripts)
    return yaml + scripts
  }

  private func collect(
    _ directory: String, namespace: [String], yaml: inout [TaskSourceFile],
    scripts: inout [TaskSourceFile]
  ) throws(BlumeopsError) {
    for entry in FileSystem.entries(directory)
    where !entry.name.hasPrefix(".") && !entry.name.hasSuffix("~") {
      let name = entry.name
      let path = directory + "/" + name
      if entry.isDirectory(in: directory) {
        try collect(path, namespace: namespace + [name], yaml: &yaml, scripts: &scripts)
      } else if Self.isYAML(name) {
        guard namespace.isEmpty else { continue }
        guard let text = FileSystem.readText(path) else {
          throw .unreadableFile(path: relative(path), reason: "permission denied or unreadable")
        }
        yaml.append(TaskSourceFile(path: relative(path), text: text, kind: .yaml))
      } else if entry.type == .regular
        ? FileSystem.isExecutable(path) : FileSystem.isExecutableFile(path),
        let text = FileSystem.readText(path)
      {
        let stem = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
        let taskName = (namespace + [stem]).joined(separator: ":")
        scripts.append(
          TaskSourceFile(path: relative(path), text: text, kind: .script, scriptTaskName: taskName))
      }
    }
  }

  /// A path relative to the root when it lies below it.
  public func relative(_ path: String) -> String {
    path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
  }
}
