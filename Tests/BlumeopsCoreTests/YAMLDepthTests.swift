import Testing

@testable import BlumeopsCore

/// Deep nesting and alias bombs: a bounded, shared tree or a located error.
@Suite struct YAMLDepthTests {
  @Test(arguments: [10_000, 100_000])
  func deeplyNestedCollectionsAreRefusedWhereTheyPassTheLimit(_ depth: Int) {
    let errors = load(HostileFixtures.nestedFlow(depth)).errors
    #expect(
      errors.map(\.message) == ["collections nested more than 100 levels deep, aliases included"])
    // `env: ` ends at column 9; its first `[` is the fourth level, so the 101st is 97 further.
    #expect(errors.first?.location?.description == "tasks/main.yaml:4:\(10 + 97)")
  }

  @Test func collectionsMayNestUpToTheLimit() {
    // The file's mapping, `tasks`, the task and `env` hold 4 levels, the value 96 more.
    let errors = load(HostileFixtures.nestedFlow(96)).errors
    #expect(errors.map(\.message) == ["`env` must be a mapping, found a list"])
  }

  @Test func anAliasBombStaysASharedTree() {
    let errors = load(HostileFixtures.aliasBomb(9)).errors
    #expect(errors.contains { $0.message.hasPrefix("unknown key `x0` in a task file") })
    #expect(errors.contains { $0.message == "`aliases` must be a string, found a list" })
    // Ten unknown top-level keys, and each of the ten lists in `aliases` once: nothing expanded.
    #expect(errors.count == 20, "\(errors.map(\.message))")
  }

  @Test func aChainOfAliasesCannotNestPastTheLimit() {
    let errors = load(HostileFixtures.aliasChain(5_000)).errors
    #expect(
      errors.map(\.message) == ["collections nested more than 100 levels deep, aliases included"])
    #expect(errors.first?.location?.position.line == 100)
  }
}
