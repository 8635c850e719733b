import BlumeopsCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading and parsing a list of docs, shared by whichever threads help: each doc is claimed by
/// one of them, so a thread that joins late (or never) only means less help, never a stall.
final class DocParsing: @unchecked Sendable {
  let paths: [String]
  let parts: DocParts
  private let folder: Int32
  private let next = Atomic<Int>(0)
  private let slots: UnsafeMutableBufferPointer<Doc?>
  /// Docs parsed so far, under `gate`.
  private var finished = 0
  private let gate = Gate()

  /// Paths relative to `directory`, which stays open until the parsing is released.
  init(paths: [String], in directory: String, parts: DocParts) {
    self.paths = paths
    self.parts = parts
    folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    slots = .allocate(capacity: paths.count)
    slots.initialize(repeating: nil)
  }

  deinit {
    if folder >= 0 { close(folder) }
    slots.deinitialize()
    slots.deallocate()
  }

  /// Claims and parses docs until none is left unclaimed.
  func help() {
    var buffer = ReadBuffer()
    var parsed = 0
    while true {
      let index = next.add(1, ordering: .relaxed).oldValue
      guard index < paths.count else { break }
      let path = paths[index]
      if !parts.needsText(path) {
        slots[index] = Doc(path: path)
      } else {
        slots[index] =
          buffer.read(path, relativeTo: folder) {
            DocParser.parse(path: path, buffer: $0, parts: parts)
          } ?? DocParser.parse(path: path, bytes: [], parts: parts)
      }
      parsed += 1
    }
    gate.change { finished += parsed }
  }

  /// Leaves every doc not yet claimed unclaimed, for good.
  func stop() {
    next.store(paths.count, ordering: .relaxed)
  }

  /// Helps, then waits for the docs other threads claimed; one `Doc` per path, in order.
  func docs() -> [Doc] {
    help()
    gate.wait { finished == paths.count ? () : nil }
    return slots.map { $0! }
  }
}
