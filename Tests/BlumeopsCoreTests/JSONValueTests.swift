import Testing

@testable import BlumeopsCore

@Suite struct JSONValueTests {
  @Test func escapesQuotesBackslashesAndControlCharacters() {
    let text = "say \"hi\"\\ now\n\r\t\u{1}\u{1F}"
    #expect(
      JSONValue.string(text).serialized() == #""say \"hi\"\\ now\n\r\t\u0001\u001f""#)
  }

  @Test func keepsMultiByteCharactersAsTheyAre() {
    #expect(JSONValue.string("café ✓ 🚀").serialized() == "\"café ✓ 🚀\"")
  }

  @Test func escapesKeysLikeValues() {
    let value = JSONValue.object([("a\"b", .array([.string("\u{7F}"), .null]))])
    #expect(value.serialized() == "{\"a\\\"b\":[\"\u{7F}\",null]}")
  }
}
