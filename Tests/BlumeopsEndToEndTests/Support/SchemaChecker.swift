import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `check-jsonschema` (PyPI), which validates YAML files against a JSON Schema.
enum SchemaChecker {
  static let installed = Repository.installed("check-jsonschema")

  /// Tests that need it run when it is installed, and always in CI (where `.ci/run` installs it).
  static let available = installed || getenv("CI") != nil
  static let missing = Comment(
    "check-jsonschema is not installed (pip install check-jsonschema); CI installs it")

  /// The files among `paths` that the schema rejects, with its messages, from one run.
  static func rejected(_ paths: [String], schema: String) -> (files: Set<String>, report: String) {
    let scratch = Fixture.makeTemporaryDirectory(prefix: "schema")
    let quoted = paths.map { "'\($0)'" }.joined(separator: " ")
    runProcess([
      "/bin/sh", "-c",
      "check-jsonschema -o json --schemafile '\(schema)' \(quoted) > '\(scratch)/report' 2>&1",
    ])
    let report = Fixture.read(scratch + "/report") ?? ""
    // Each error object names its file on a line of its own: `"filename": "PATH",`.
    var files: Set<String> = []
    for line in report.split(separator: "\n") {
      let text = line.trimmingPrefix(while: { $0 == " " })
      guard text.hasPrefix("\"filename\": \"") else { continue }
      files.insert(String(text.dropFirst(13).prefix { $0 != "\"" }))
    }
    return (files, report)
  }
}

extension Substring {
  fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
    self[(firstIndex { !predicate($0) } ?? endIndex)...]
  }
}
