import Foundation
import Testing

@testable import BlumeopsCore

@Suite struct FileSystemTests {
  @Test(arguments: [0, 1, 255, 256, 4096, 70_000])
  func aFileIsReadWholeWhateverItsSize(size: Int) throws {
    let path = NSTemporaryDirectory() + "blumeops-read-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: path) }
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(FileSystem.readBytes(path) == bytes)
  }

  @Test func aMissingOrUnreadableFileReadsAsNil() {
    #expect(FileSystem.readBytes("/nonexistent/blumeops") == nil)
    #expect(FileSystem.readBytes(NSTemporaryDirectory()) == nil, "a directory")
  }
}

@Suite struct AbsolutePathTests {
  @Test(arguments: [
    ("a/b", "/x", "/x/a/b"), ("../..", "/x/y", "/"), ("/a/./b//c/..", "/ignored", "/a/b"),
    ("..", "/", "/"), ("", "/x", "/x"), ("a/../../b", "/x/y", "/x/b"), ("é/ü", "/", "/é/ü"),
    (".", "/x/", "/x"), ("../a", "/", "/a"), ("a/...", "/x", "/x/a/..."),
  ])
  func pathsAreResolvedAgainstTheBase(path: String, base: String, expected: String) {
    #expect(FileSystem.absolute(path, from: base) == expected)
  }
}
