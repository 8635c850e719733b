import Testing

@testable import BlumeopsCore

/// `tasks deps` on graphs with many paths or great depth.
@Suite struct DependencyTreeTests {
  @Test func aSharedDependencyIsExpandedOnceAndMarkedAfter() throws {
    let (catalog, _) = load(
      "tasks:\n  top: {depends: [a, b], run: x}\n  a: {depends: [c], run: x}\n"
        + "  b: {depends: [c], run: x}\n  c: {depends: [d], run: x}\n  d: x\n")
    let top = try #require(catalog.task(named: "top"))
    #expect(
      DependencyGraph(catalog: catalog, roots: [top]).tree() == """
        top
        ├── a
        │   └── c
        │       └── d
        └── b
            └── c (*)
        """)
  }

  @Test func aDeepDiamondPrintsOneLinePerEdge() throws {
    let (catalog, _) = load(HostileFixtures.diamondOfDepends(30))
    let top = try #require(catalog.task(named: "d0"))
    let lines = DependencyGraph(catalog: catalog, roots: [top]).tree().split(separator: "\n")
    #expect(lines.count == 1 + 4 * 30)
  }

  @Test func aLongChainStopsAtTheTreeDepth() throws {
    var text = "tasks:\n  t0: 'true'\n"
    for index in 1..<5_000 { text += "  t\(index): {depends: [t\(index - 1)], run: 'true'}\n" }
    let (catalog, _) = load(text)
    let top = try #require(catalog.task(named: "t4999"))
    let lines = DependencyGraph(catalog: catalog, roots: [top]).tree().split(separator: "\n")
    #expect(lines.count == 1 + 100 + 1)
    #expect(lines.last?.hasSuffix("└── … (deeper levels: see `--dot` or `--json`)") == true)
  }
}
