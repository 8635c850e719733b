import BlumeopsCore

/// A loaded project: where it is, and its validated tasks.
struct Project {
  var directory: TaskDirectory
  var catalog: TaskCatalog
  var errors: [BlumeopsError]

  /// Built-ins compiled into this binary.
  static var builtinNames: [String] { Builtins.names }

  /// Finds the project (`-C`, `--tasks-dir`, `BLUMEOPS_ROOT`, or the nearest suitable ancestor)
  /// and loads every task file.
  static func load(_ options: RunnerOptions, environment: [String: String]) throws(BlumeopsError)
    -> Project
  {
    try load(locate(options, environment: environment))
  }

  /// Where the project is, without reading its task files.
  static func locate(_ options: RunnerOptions, environment: [String: String])
    throws(BlumeopsError) -> TaskDirectory
  {
    let cwd = FileSystem.currentDirectory()
    let directory: TaskDirectory
    if let tasksDirectory = options.tasksDirectory {
      let folder = FileSystem.absolute(tasksDirectory, from: cwd)
      let root =
        options.directory.map { FileSystem.absolute($0, from: cwd) }
        ?? FileSystem.absolute("..", from: folder)
      directory = TaskDirectory(root: root, folder: folder)
    } else if let explicit = options.directory ?? environment["BLUMEOPS_ROOT"], !explicit.isEmpty {
      let root = FileSystem.absolute(explicit, from: cwd)
      guard FileSystem.isDirectory(root + "/tasks") else { throw .noProject(directory: root) }
      directory = TaskDirectory(root: root)
    } else {
      guard let found = TaskDirectory.locate(from: cwd) else { throw .noProject(directory: cwd) }
      directory = found
    }
    return directory
  }

  /// Loads every task file of the project in `directory`.
  static func load(_ directory: TaskDirectory) throws(BlumeopsError) -> Project {
    let files = try directory.read()
    let (catalog, errors) = TaskLoader.load(files, root: directory.root, builtins: builtinNames)
    return Project(directory: directory, catalog: catalog, errors: errors)
  }

  var renderer: ErrorRenderer { ErrorRenderer(sources: catalog.sources) }
}
