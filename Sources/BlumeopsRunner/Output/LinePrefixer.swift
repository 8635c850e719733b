import BlumeopsCore
import Glibc

/// Puts a prefix before every line of a batch, working on bytes: no String per line.
enum LinePrefixer {
  /// `lines` holds whole lines, each ending in `\n`.
  static func prefix(_ lines: [UInt8], with prefix: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(lines.count + lines.count / 4 + prefix.count * 4)
    lines.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var start = 0
      while start < buffer.count {
        let end: Int
        if let hit = memchr(base + start, 0x0A, buffer.count - start) {
          end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) + 1
        } else {
          end = buffer.count
        }
        output.append(contentsOf: prefix)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
        start = end
      }
    }
    return output
  }

  /// `label` padded to `width` characters, coloured when asked, followed by ` | `.
  static func prefix(label: String, width: Int, style: Style, colorIndex: Int) -> [UInt8] {
    let padding = String(repeating: " ", count: max(0, width - label.count))
    return Array((style.task(label, index: colorIndex) + padding + " | ").utf8)
  }
}
