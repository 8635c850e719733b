/// One file of the task folder, as read from disk.
public struct TaskSourceFile: Sendable {
  public enum Kind: Sendable { case yaml, script }

  /// Path relative to the project root (`tasks/hosts.yaml`).
  public var path: String
  public var text: String
  public var kind: Kind
  /// For scripts: the task name derived from the path inside the task folder.
  public var scriptTaskName: String?

  public init(path: String, text: String, kind: Kind, scriptTaskName: String? = nil) {
    self.path = path
    self.text = text
    self.kind = kind
    self.scriptTaskName = scriptTaskName
  }
}
