import Synchronization

/// Replaces every occurrence of a secret value in text with `****`.
///
/// A multi-line value is registered line by line, so each of its lines is masked wherever it
/// appears. With nothing registered, masking costs one atomic load; otherwise each value is found
/// with a byte search (`memmem`, see `ByteSearch`), never a regular expression.
public final class Masker: Sendable {
  /// What a secret is replaced by.
  public static let replacement: [UInt8] = Array("****".utf8)

  private let patterns = Mutex<[[UInt8]]>([])
  private let count = Atomic<Int>(0)

  public init(_ values: [String] = []) {
    for value in values { add(value) }
  }

  /// True when no secret is registered.
  public var isEmpty: Bool { count.load(ordering: .acquiring) == 0 }

  /// Registers a secret value (each of its lines when it has several).
  public func add(_ value: String) {
    let lines = value.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    let fresh = lines.compactMap { line -> [UInt8]? in
      let bytes = Array(line.utf8.drop(while: { $0 == 13 }))
      let trimmed = bytes.last == 13 ? Array(bytes.dropLast()) : bytes
      return trimmed.allSatisfy({ $0 == 32 || $0 == 9 }) ? nil : trimmed
    }
    guard !fresh.isEmpty else { return }
    patterns.withLock { patterns in
      for pattern in fresh where !patterns.contains(pattern) { patterns.append(pattern) }
      count.store(patterns.count, ordering: .releasing)
    }
  }

  /// The text with every secret replaced.
  public func mask(_ text: String) -> String {
    guard !isEmpty else { return text }
    let bytes = Array(text.utf8)
    guard let masked = mask(bytes: bytes) else { return text }
    return String(decoding: masked, as: UTF8.self)
  }

  /// The bytes with every secret replaced, or nil when there is nothing to replace.
  public func mask(bytes: [UInt8]) -> [UInt8]? {
    guard !isEmpty else { return nil }
    let needles = patterns.withLock { $0 }
    var ranges: [Range<Int>] = []
    bytes.withUnsafeBytes { haystack in
      for needle in needles {
        needle.withUnsafeBytes { needle in
          var offset = 0
          while let start = ByteSearch.firstOffset(of: needle, in: haystack, from: offset) {
            ranges.append(start..<(start + needle.count))
            offset = start + 1
          }
        }
      }
    }
    guard !ranges.isEmpty else { return nil }
    return replacing(merged(ranges), in: bytes)
  }

  /// Where a piece of a long line may end so that no secret is cut in two: before any occurrence
  /// that would straddle the end, and before a tail that could be the start of one. The rest is
  /// held back for the next piece. The whole length when nothing is registered.
  public func safeCut(_ bytes: [UInt8]) -> Int {
    guard !isEmpty else { return bytes.count }
    let needles = patterns.withLock { $0 }
    let longest = needles.map(\.count).max() ?? 1
    var cut = max(0, bytes.count - (longest - 1))
    let window = max(0, cut - longest)
    var ranges: [Range<Int>] = []
    bytes.withUnsafeBytes { haystack in
      for needle in needles {
        needle.withUnsafeBytes { needle in
          var offset = window
          while let start = ByteSearch.firstOffset(of: needle, in: haystack, from: offset) {
            ranges.append(start..<(start + needle.count))
            offset = start + 1
          }
        }
      }
    }
    for range in merged(ranges).reversed() where range.lowerBound < cut && cut < range.upperBound {
      cut = range.lowerBound
    }
    return cut
  }

  /// Sorted ranges with overlapping and touching ones joined: they become one `****`.
  private func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = result.last, range.lowerBound <= last.upperBound {
        result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        result.append(range)
      }
    }
    return result
  }

  private func replacing(_ ranges: [Range<Int>], in bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var position = 0
    for range in ranges {
      output.append(contentsOf: bytes[position..<range.lowerBound])
      output.append(contentsOf: Self.replacement)
      position = range.upperBound
    }
    output.append(contentsOf: bytes[position...])
    return output
  }
}
