import Glibc

/// One thread's read buffer, reused from file to file: docs are small, and a fresh zeroed array
/// per file cost more than reading it.
struct ReadBuffer: ~Copyable {
  private var storage = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)

  deinit { storage.deallocate() }

  /// Reads a whole file (path relative to an open folder) and hands its bytes to `body`.
  mutating func read<T>(
    _ path: String, relativeTo folder: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T
  ) -> T? {
    let descriptor = openat(folder, path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var filled = 0
    while true {
      if filled == storage.count { grow() }
      let room = storage.count - filled
      let count = systemRead(descriptor, storage.baseAddress! + filled, room)
      if count < 0 { return nil }
      filled += count
      // A regular file reads short only at its end, so a read that leaves room is the last: one
      // system call per doc saved, of four.
      if count < room { break }
    }
    return body(
      UnsafeBufferPointer(
        start: storage.baseAddress!.assumingMemoryBound(to: UInt8.self), count: filled))
  }

  private mutating func grow() {
    let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: storage.count * 2, alignment: 16)
    larger.copyMemory(from: UnsafeRawBufferPointer(storage))
    storage.deallocate()
    storage = larger
  }
}

private let systemRead = Glibc.read
