/// One task the user asked to run, with the words typed after its name.
public struct Invocation: Sendable, Hashable {
  public var task: String
  public var tokens: [String]
  public var passThrough: [String]

  public init(task: String, tokens: [String] = [], passThrough: [String] = []) {
    self.task = task
    self.tokens = tokens
    self.passThrough = passThrough
  }
}
