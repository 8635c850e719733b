#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds a byte string in a buffer with the C library's `memmem`, which Swift's Glibc module
/// does not import (it is a GNU extension); falls back to `memchr` + `memcmp`.
enum ByteSearch {
  private typealias MemmemFunction =
    @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?

  private static let memmemFunction: MemmemFunction? = {
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "memmem") else {
      return nil
    }
    return unsafeBitCast(symbol, to: MemmemFunction.self)
  }()

  /// The offset of the first occurrence of `needle` in `haystack` at or after `start`.
  static func firstOffset(
    of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from start: Int
  ) -> Int? {
    guard let base = haystack.baseAddress, let pattern = needle.baseAddress, needle.count > 0,
      haystack.count - start >= needle.count
    else { return nil }
    if let memmem = memmemFunction {
      guard let found = memmem(base + start, haystack.count - start, pattern, needle.count) else {
        return nil
      }
      return base.distance(to: UnsafeRawPointer(found))
    }
    var offset = start
    let first = Int32(needle[0])
    while haystack.count - offset >= needle.count {
      guard let hit = memchr(base + offset, first, haystack.count - offset - needle.count + 1)
      else { return nil }
      let position = base.distance(to: UnsafeRawPointer(hit))
      if memcmp(base + position, pattern, needle.count) == 0 { return position }
      offset = position + 1
    }
    return nil
  }
}
