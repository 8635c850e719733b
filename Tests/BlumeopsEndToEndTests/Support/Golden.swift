import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Golden files under `Tests/BlumeopsEndToEndTests/Golden/`; `BLUMEOPS_RECORD_GOLDEN=1` rewrites them.
enum Golden {
  static let directory = Repository.root + "/Tests/BlumeopsEndToEndTests/Golden"

  static func check(
    _ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let path = directory + "/" + name
    if getenv("BLUMEOPS_RECORD_GOLDEN") != nil {
      Fixture.makeDirectories(directory)
      _ = Fixture.write(text, to: path)
      return
    }
    let expected = try #require(
      Fixture.read(path), "missing golden file \(name); record with BLUMEOPS_RECORD_GOLDEN=1",
      sourceLocation: sourceLocation)
    #expect(text == expected, "differs from \(name)", sourceLocation: sourceLocation)
  }
}

extension Repository {
  /// The machine's own PATH (where ansible-core and kubectl are installed).
  static var pathOfMachine: String { String(cString: getenv("PATH")) }
}
