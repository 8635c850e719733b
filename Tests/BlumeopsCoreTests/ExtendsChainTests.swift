import Testing

@testable import BlumeopsCore

/// `extends` chains of any length, cycles and inherited file environments.
@Suite struct ExtendsChainTests {
  @Test func aLongExtendsChainResolvesEveryLink() throws {
    let (catalog, errors) = load(HostileFixtures.extendsChain(4_000))
    #expect(errors.isEmpty, "\(errors.map(\.message))")
    let first = try #require(catalog.task(named: "e0"))
    #expect(first.description == "link 0")
    #expect(first.timeout == .seconds(5))
    #expect(first.steps.count == 1)
  }

  @Test func anExtendsCycleIsReportedOnceAndTasksLeadingIntoItInheritNothing() throws {
    let text = """
      tasks:
        lead: {extends: b, description: lead}
        a: {extends: c, run: echo a}
        b: {extends: a, run: echo b}
        c: {extends: b, run: echo c}
      """
    let (catalog, errors) = load(text)
    #expect(
      errors.map(\.message) == [
        "`extends` cycle: a → c → b → a",
        "task `lead` has nothing to run: give it `run`, `builtin` or `depends`",
      ])
    #expect(errors.first?.location?.position.line == 4)
    #expect(catalog.task(named: "lead")?.steps.isEmpty == true)
  }

  @Test func anInheritedFileEnvironmentComesFirstAndIsOverridden() throws {
    let (catalog, errors) = load([
      ("tasks/a.yaml", "env: {A: a, B: a}\ntasks:\n  base: {run: echo}\n"),
      (
        "tasks/b.yaml", "env: {B: b, C: b}\ntasks:\n  mid: {extends: base}\n  top: {extends: mid}\n"
      ),
    ])
    #expect(errors.isEmpty, "\(errors.map(\.message))")
    let top = try #require(catalog.task(named: "top"))
    #expect(top.environment.map { "\($0.name)=\($0.value)" } == ["A=a", "B=b", "C=b"])
  }
}
