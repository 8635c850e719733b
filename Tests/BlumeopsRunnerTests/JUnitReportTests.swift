import Testing

@testable import BlumeopsRunner

/// The JUnit report's text rules: XML 1.0 characters only, entities, seconds.
@Suite struct JUnitReportTests {
  @Test(arguments: [
    ("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d"),
    ("\u{1B}[1;31mred\u{1B}[0m plain", "red plain"),
    ("bell\u{07} and nul\u{00}", "bell\u{FFFD} and nul\u{FFFD}"),
    ("tab\tand\nline", "tab\tand\nline"),
  ])
  func textIsEscapedForXML(input: String, expected: String) {
    #expect(JUnitReport.escape(input) == expected)
  }

  @Test func anAttributeQuotesItsQuotesAndLineBreaks() {
    #expect(JUnitReport.attribute("say \"hi\"\nnow") == "\"say &quot;hi&quot;&#10;now\"")
  }

  @Test(arguments: [(0.0, "0.000"), (1.0005, "1.001"), (12.3456, "12.346"), (0.04, "0.040")])
  func secondsHaveThreeDecimals(value: Double, text: String) {
    #expect(JUnitReport.seconds(value) == text)
  }

  @Test func theTailKeepsTheLastLinesInOrder() {
    var tail = LineTail(limit: 3)
    tail.append(Array("1\n2\n".utf8), longest: 100)
    tail.append(Array("3\n4\n5\n".utf8), longest: 100)
    #expect(tail.lines == ["3", "4", "5"])
    tail.append(Array("a long line\n".utf8), longest: 6)
    #expect(tail.lines == ["4", "5", "a long"])
  }
}
