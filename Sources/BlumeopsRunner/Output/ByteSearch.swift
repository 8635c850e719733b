import CLinux

/// Finds a byte string in a buffer with the C library's `memmem` (a GNU extension, declared in
/// the C shim since Swift's Glibc module leaves it out).
enum ByteSearch {
  /// The offset of the first occurrence of `needle` in `haystack` at or after `start`.
  static func firstOffset(
    of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from start: Int
  ) -> Int? {
    guard let base = haystack.baseAddress, let pattern = needle.baseAddress, needle.count > 0,
      haystack.count - start >= needle.count,
      let found = memmem(base + start, haystack.count - start, pattern, needle.count)
    else { return nil }
    return base.distance(to: UnsafeRawPointer(found))
  }
}
