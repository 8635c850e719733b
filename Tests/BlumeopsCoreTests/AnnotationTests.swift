import Testing

@testable import BlumeopsCore

/// Workflow commands for CI annotations: their shape, escaping and paths.
@Suite struct AnnotationTests {
  @Test func anAnnotationCarriesFileLineAndColumn() {
    let annotation = Annotation(
      .error, file: "tasks/main.yaml", line: 5, column: 15, message: "unknown dependency")
    #expect(annotation.command == "::error file=tasks/main.yaml,line=5,col=15::unknown dependency")
  }

  @Test func aMessageStaysOnOneLineAndPropertiesEscapeTheirSeparators() {
    let annotation = Annotation(
      .warning, file: "a,b:c.md", title: "x: y", message: "100% sure\nsecond line\r")
    #expect(
      annotation.command
        == "::warning file=a%2Cb%3Ac.md,title=x%3A y::100%25 sure%0Asecond line%0D")
  }

  @Test func anAnnotationWithoutLocationIsBare() {
    #expect(Annotation(.error, message: "no project").command == "::error::no project")
  }

  @Test func theRendererAddsOneAnnotationPerErrorWithNotesAndHelp() {
    let text = "tasks:\n  deploy:\n    depends: [provison]\n  provision: {run: echo}\n"
    let (catalog, errors) = load(text)
    let renderer = ErrorRenderer(
      sources: catalog.sources, annotations: AnnotationPaths(projectPrefix: "ops/"))
    let lines = renderer.render(errors).split(separator: "\n").map(String.init)
    #expect(
      lines.last
        == "::error file=ops/tasks/main.yaml,line=3,col=15::unknown dependency `provison` of task "
        + "`deploy`%0Ahelp: did you mean `provision`?")
    #expect(
      renderer.render(errors[0], severity: "warning").split(separator: "\n").last?
        .hasPrefix("::warning file=ops/tasks/main.yaml") == true)
  }

  @Test func withoutAnnotationsTheRendererPrintsNone() {
    let text = "tasks:\n  deploy:\n    depends: [provison]\n  provision: {run: echo}\n"
    let (catalog, errors) = load(text)
    #expect(!ErrorRenderer(sources: catalog.sources).render(errors).contains("::error"))
  }

  @Test(arguments: [
    (["CI": "true"], true), (["CI": "1"], true), (["CI": "false"], false), (["CI": "0"], false),
    (["GITHUB_ACTIONS": "true"], true), (["FORGEJO_ACTIONS": "true"], true), ([:], false),
  ])
  func annotationsAreWantedInCI(environment: [String: String], wanted: Bool) {
    #expect(AnnotationPaths.wanted(in: environment) == wanted)
  }
}
