import Testing

@testable import BlumeopsCore

@Suite struct YAMLReaderTests {
  @Test func scalarsKeepTheirSourceText() throws {
    let root = try #require(try YAMLReader.parse("a: on\nb: 0755\nc: 1.10\nd: 'yes'\n"))
    #expect(root["a"]?.scalar == "on")
    #expect(root["b"]?.scalar == "0755")
    #expect(root["c"]?.scalar == "1.10")
    #expect(root["d"]?.scalar == "yes")
  }

  @Test func mappingsKeepDocumentOrder() throws {
    let root = try #require(try YAMLReader.parse("z: 1\na: 2\nm: 3\n"))
    #expect(root.mapping?.map { $0.key.scalar } == ["z", "a", "m"])
  }

  @Test func positionsAreOneBasedWithTokenWidth() throws {
    let root = try #require(try YAMLReader.parse("tasks:\n  deploy:\n    depends: [provison]\n"))
    let dep = try #require(root["tasks"]?["deploy"]?["depends"]?.sequence?.first)
    #expect(dep.position == SourcePosition(line: 3, column: 15, width: 8))
  }

  @Test func aliasesAndMergeKeysResolve() throws {
    let text = """
      base: &base
        dir: ansible
        env: {A: "1"}
      task:
        <<: *base
        dir: pulumi
      """
    let root = try #require(try YAMLReader.parse(text))
    let task = try #require(root["task"])
    #expect(task["dir"]?.scalar == "pulumi")
    #expect(task["env"]?["A"]?.scalar == "1")
    #expect(task.mapping?.count == 2)
  }

  @Test func duplicateKeysAreRejectedAtTheSecondKey() {
    #expect(
      throws: YAMLError(
        .duplicateKey("a", first: SourcePosition(line: 1, column: 1)),
        at: SourcePosition(line: 2, column: 1))
    ) {
      _ = try YAMLReader.parse("a: 1\na: 2\n")
    }
  }

  /// Past 16 keys a mapping indexes them: duplicates and merges must read the same either side.
  @Test(arguments: [3, 16, 17, 40])
  func largeMappingsKeepDuplicateAndMergeRules(keys: Int) throws {
    let written = (0..<keys).map { "k\($0): \($0)" }.joined(separator: "\n")
    #expect(
      throws: YAMLError(
        .duplicateKey("k1", first: SourcePosition(line: 2, column: 1, width: 2)),
        at: SourcePosition(line: keys + 1, column: 1, width: 2))
    ) {
      _ = try YAMLReader.parse(written + "\nk1: again\n")
    }
    let base = (0..<keys).map { "  m\($0): base" }.joined(separator: "\n")
    let text = "base: &base\n\(base)\ntask:\n  <<: *base\n  m0: own\n  m\(keys - 1): own\n  x: 1\n"
    let task = try #require(try YAMLReader.parse(text)?["task"])
    #expect(task.mapping?.count == keys + 1)
    #expect(task["m0"]?.scalar == "own")
    #expect(task["m\(keys - 1)"]?.scalar == "own")
    #expect(task["m1"]?.scalar == (keys > 2 ? "base" : "own"))
    #expect(task["x"]?.scalar == "1")
  }

  @Test func syntaxErrorsCarryLibyamlsMark() {
    do {
      _ = try YAMLReader.parse("tasks:\n  a: [1, 2\n  b: 3\n")
      Issue.record("expected an error")
    } catch {
      guard case .syntax = error.kind else { Issue.record("wrong kind \(error)"); return }
      #expect(error.position.line >= 2)
    }
  }

  @Test func unknownAliasIsLocated() {
    #expect(
      throws: YAMLError(.unknownAlias("nope"), at: SourcePosition(line: 1, column: 4, width: 5))
    ) {
      _ = try YAMLReader.parse("a: *nope\n")
    }
  }

  @Test func emptyDocumentsReadAsNil() throws {
    #expect(try YAMLReader.parse("") == nil)
    #expect(try YAMLReader.parse("# only a comment\n") == nil)
  }

  @Test func nullScalarsAreRecognisedOnlyWhenPlain() throws {
    let root = try #require(try YAMLReader.parse("a: ~\nb: 'null'\nc:\n"))
    #expect(root["a"]?.isNull == true)
    #expect(root["b"]?.isNull == false)
    #expect(root["c"]?.isNull == true)
  }

  @Test(
    arguments: [
      [0xFF, 0xFE, 0x00, 0x41], [0x61, 0x3A, 0x20, 0xC3, 0x28],
      [0x2D, 0x2D, 0x2D, 0x0A, 0x5B, 0x7B],
      Array("a: &x [*x]\n".utf8), Array("- [\n".utf8), Array("\t- a\n".utf8),
    ] as [[UInt8]])
  func arbitraryBytesNeverCrash(bytes: [UInt8]) {
    var input = bytes
    _ = try? YAMLReader.parse(bytes: &input)
  }
}
