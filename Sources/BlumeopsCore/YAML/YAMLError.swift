/// A reason a YAML text could not be read, with where it happened.
public struct YAMLError: Error, Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// libyaml's own parse error: its problem text and, when it has one, its context.
    case syntax(problem: String, context: String?)
    case duplicateKey(String, first: SourcePosition)
    case unknownAlias(String)
    case invalidMerge
    case multipleDocuments
    /// Collections (counting through aliases) nested deeper than the reader allows.
    case tooDeep(limit: Int)
  }

  public var kind: Kind
  public var position: SourcePosition

  public init(_ kind: Kind, at position: SourcePosition) {
    self.kind = kind
    self.position = position
  }

  public var message: String {
    switch kind {
    case .syntax(let problem, let context):
      if let context { return "invalid YAML: \(problem) \(context)" }
      return "invalid YAML: \(problem)"
    case .duplicateKey(let key, _): return "duplicate key `\(key)`"
    case .unknownAlias(let name): return "unknown alias `*\(name)`"
    case .invalidMerge: return "a `<<` merge takes a mapping or a list of mappings"
    case .multipleDocuments: return "expected a single YAML document"
    case .tooDeep(let limit):
      return "collections nested more than \(limit) levels deep, aliases included"
    }
  }
}
