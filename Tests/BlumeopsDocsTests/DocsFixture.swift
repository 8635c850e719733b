import BlumeopsCore
import Foundation

@testable import BlumeopsDocs

/// A throwaway repository root in a temp directory, with files written under it.
final class DocsFixture {
  let root: String

  init(_ files: [String: String] = [:]) {
    root = NSTemporaryDirectory() + "blumeops-docs-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for (path, text) in files { write(path, text) }
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  func write(_ path: String, _ text: String) { write(path, bytes: Array(text.utf8)) }

  func write(_ path: String, bytes: [UInt8]) {
    let full = root + "/" + path
    try! FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    // Plain stdio: FileManager.createFile syncs each file to disk, which makes large trees slow.
    let file = fopen(full, "wbe")!
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
  }

  func mkdir(_ path: String) {
    try! FileManager.default.createDirectory(
      atPath: root + "/" + path, withIntermediateDirectories: true)
  }

  var docSet: DocSet { DocSet.load(root: root) }

  /// Runs a built-in and returns its exit status and the lines it wrote, each ended by a line
  /// break: its output, and its error lines apart.
  func run(
    _ name: String, _ options: [String: String] = [:], today: String = "2026-11-20",
    gitLog: String? = nil, color: Bool = false
  ) -> (status: Int32, output: String, errors: String) {
    var output = ""
    do {
      let status = try DocsToolkit.run(
        name, options: options, root: root, today: DocsDate(today)!, gitLog: gitLog, color: color,
        write: { output += $0 + "\n" })
      return (status, output, "")
    } catch {
      return (error.exitCode, output, ErrorRenderer().render(error) + "\n")
    }
  }
}

/// A doc's text with a frontmatter block holding the required fields and `extra` lines.
func card(
  _ title: String = "A card", tags: String = "[test]", extra: String = "", body: String = ""
)
  -> String
{
  "---\ntitle: \(title)\nmodified: 2026-11-01\ntags: \(tags)\n\(extra.isEmpty ? "" : extra + "\n")---\n\n\(body)\n"
}

/// Parses one doc's text without touching the disk.
func parse(_ text: String, path: String = "a.md") -> Doc {
  DocSet.parse([path: Array(text.utf8)]).docs[0]
}
