import Testing

@testable import BlumeopsCore

/// The schema and the loader read one key table: every key of every section is in the schema,
/// with its description, and nothing else is.
@Suite struct TaskFileSchemaTests {
  @Test func theSchemaDescribesEveryKeyOfEverySection() {
    let schema = TaskFileSchema.json().serialized()
    for section in TaskFileKeys.sections {
      for key in section.keys {
        #expect(
          schema.contains("\"\(key.name)\":{\"description\":"), "\(section.name).\(key.name)")
        #expect(!key.description.isEmpty)
      }
    }
    #expect(schema.hasPrefix("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\""))
  }

  @Test func everySectionIsAClosedObject() {
    for section in TaskFileKeys.sections {
      let fields = TaskFileSchema.body(section)
      #expect(fields.contains { $0.0 == "additionalProperties" && $0.1 == .bool(false) })
    }
  }

  @Test func aKeyOutsideTheTableIsUnknownToTheLoader() {
    let result = load("tasks:\n  a: {run: echo, retries: 3}\n")
    #expect(result.errors.map(\.message) == ["unknown key `retries` in task `a`"])
    #expect(!TaskFileKeys.task.names.contains("retries"))
  }

  @Test func aRetryDelayMayBeZeroButATimeoutMayNot() {
    #expect(load("tasks:\n  a: {run: echo, retry: {attempts: 2, delay: 0s}}\n").errors.isEmpty)
    let timeout = load("tasks:\n  a: {run: echo, timeout: 0s}\n").errors
    #expect(timeout.count == 1)
    #expect(Duration.read("0s", allowsZero: true) == .duration(.zero))
    #expect(Duration.read("0s") == .malformed)
  }

  @Test(arguments: [
    ["a"], ["a", "big world"], ["a", "--flag=x y", "--", "--tags", "it's"], ["a", ""],
    ["a", "back\\slash", "$HOME"],
  ])
  func shellWordsSplitWhatShellQuoteJoined(_ words: [String]) {
    let joined = words.map(ShellQuote.quote).joined(separator: " ")
    #expect(ShellWords.split(joined) == words)
  }
}
