import BlumeopsCore

/// What is known about one required tool: where it is and which version it reports.
public struct ToolStatus: Sendable, Hashable {
  public var tool: String
  public var path: String?
  public var version: [Int]?
  public var versionText: String?

  public var versionDescription: String {
    version.map { $0.map(String.init).joined(separator: ".") } ?? (path == nil ? "-" : "unknown")
  }
}

/// Finds required tools on PATH and asks each for its version, once per tool per run.
public struct ToolProbe: Sendable {
  let launcher: any ProcessLauncher
  let environment: [String: String]
  let root: String

  public init(launcher: any ProcessLauncher, environment: [String: String], root: String) {
    self.launcher = launcher
    self.environment = environment
    self.root = root
  }

  /// Probes each tool; the version command runs only when `needsVersion` names the tool.
  public func probe(_ tools: [String], needsVersion: Set<String>) async -> [String: ToolStatus] {
    var result: [String: ToolStatus] = [:]
    for tool in tools where result[tool] == nil {
      var status = ToolStatus(tool: tool)
      status.path = ExecutableLocator.find(tool, path: environment["PATH"], directory: root)
      if let path = status.path, needsVersion.contains(tool) {
        (status.version, status.versionText) = await version(of: path)
      }
      result[tool] = status
    }
    return result
  }

  /// Tries `--version`, then `version` (Go tools such as pulumi and kubectl use a subcommand).
  private func version(of path: String) async -> ([Int]?, String?) {
    for arguments in [["--version"], ["version", "--client"], ["version"]] {
      guard
        let output = try? await launcher.capture(
          argv: [path] + arguments, directory: root, environment: environment),
        output.status.isSuccess
      else { continue }
      let text = output.standardOutput + output.standardError
      if let version = VersionConstraint.parseVersion(text) {
        return (version, text.split(separator: "\n").first.map(String.init))
      }
    }
    return (nil, nil)
  }
}
