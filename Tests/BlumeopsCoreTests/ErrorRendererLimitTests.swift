import Testing

@testable import BlumeopsCore

/// Many errors, and errors on very long lines, render in time and space that grow with what is
/// shown, not with the file.
@Suite struct ErrorRendererLimitTests {
  @Test func aLongLineIsShownAroundTheCaret() {
    let list = Array(repeating: "nope", count: 100).joined(separator: ", ")
    let text = "tasks:\n  a: {run: echo, depends: [\(list)]}\n"
    let errors = load(text).errors
    #expect(errors.count == 100)
    let last = ErrorRenderer(sources: ["tasks/main.yaml": text]).render(errors[99])
    let lines = last.split(separator: "\n")
    #expect(lines[3] == "2 | …pe, nope, nope, nope, nope, nope, nope, nope]}")
    // Under the last `nope`: 41 columns of `…pe, ` and six `nope, ` after the bar's space.
    #expect(lines[4] == "  | " + String(repeating: " ", count: 41) + "^^^^")
  }

  @Test func onlyTheFirstHundredErrorsAreShown() {
    let list = Array(repeating: "nope", count: 150).joined(separator: ", ")
    let text = "tasks:\n  a: {run: echo, depends: [\(list)]}\n"
    let errors = load(text).errors
    #expect(errors.count == 150)
    let rendered = ErrorRenderer(sources: ["tasks/main.yaml": text]).render(errors)
    #expect(rendered.components(separatedBy: "error: unknown dependency").count == 101)
    #expect(
      rendered.hasSuffix(
        "note: 50 more problems not shown; `blumeops tasks validate --json` lists them all"))
  }

  @Test func linesEndWithNewlinesOrCarriageReturnNewlines() {
    #expect(ErrorRenderer.lines(of: "a\r\nb\nc") == ["a", "b", "c"])
    #expect(ErrorRenderer.lines(of: "a\n") == ["a", ""])
    #expect(ErrorRenderer.lines(of: "é\r\n") == ["é", ""])
  }
}
