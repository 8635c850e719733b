import BlumeopsCore
import BlumeopsRunner

/// The native built-ins compiled into blumeops.
struct Builtins: BuiltinHandler {
  static let names: [String] = []
  var names: [String] { Self.names }

  func run(_ name: String, options: [String: String], context: BuiltinContext) async -> Int32 {
    context.writeErrorLine("unknown built-in `\(name)`")
    return 2
  }
}
