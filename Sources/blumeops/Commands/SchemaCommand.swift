import ArgumentParser
import BlumeopsCore

/// `blumeops schema`: the JSON Schema of task files.
struct SchemaCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema (draft 2020-12) of task files.",
    discussion: """
      Generated from the key table the loader validates with. Editors with the YAML language
      server read it from the first line of a task file:
        # yaml-language-server: $schema=./schema.json

      Example:
        blumeops schema > tasks/schema.json
      """)

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    Console.out(TaskFileSchema.json().serialized(indent: 2))
    return 0
  }
}
