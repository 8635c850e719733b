/// Finds wiki-links line by line, skipping fenced code blocks and inline code spans.
struct WikiLinkScanner {
  private static let backtick = UInt8(ascii: "`")
  private static let tilde = UInt8(ascii: "~")
  private static let open = UInt8(ascii: "[")
  private static let close = UInt8(ascii: "]")
  private static let pipe = UInt8(ascii: "|")
  private static let bang = UInt8(ascii: "!")
  private static let space = UInt8(ascii: " ")

  /// The open fence's character and length, while inside a fenced block.
  private var fence: (character: UInt8, length: Int)?
  private var links: [WikiLink] = []
  /// The inside of every link found, one after the other (see `WikiLink`).
  private var inside: [UInt8] = []

  init(capacity: Int = 0) {
    links.reserveCapacity(capacity)
    inside.reserveCapacity(capacity * 32)
  }

  /// The links found, done with scanning.
  consuming func finish() -> [WikiLink] {
    WikiLink.share(inside, with: &links)
    return links
  }

  /// Scans `text[start..<end]` (one line, without its line break) numbered `number`.
  mutating func scan(
    _ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, line number: Int
  ) {
    if let open = fence {
      if Self.fenceRun(text, start, end, closing: open) != nil { fence = nil }
      return
    }
    if let opened = Self.fenceRun(text, start, end, closing: nil) {
      fence = opened
      return
    }
    scanInline(text, start, end, number)
  }

  /// A fence on this line: an opening one (any info string, none with a backtick for ``` fences)
  /// or, given `closing`, the matching close (same character, at least as long, nothing after).
  private static func fenceRun(
    _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
    closing: (character: UInt8, length: Int)?
  ) -> (character: UInt8, length: Int)? {
    var index = start
    while index < end, index - start < 4, text[index] == space { index += 1 }
    guard index - start < 4, index < end else { return nil }
    let character = text[index]
    guard character == backtick || character == tilde else { return nil }
    if let closing, closing.character != character { return nil }
    var runEnd = index
    while runEnd < end, text[runEnd] == character { runEnd += 1 }
    let length = runEnd - index
    guard length >= max(3, closing?.length ?? 0) else { return nil }
    var rest = runEnd
    while rest < end {
      let byte = text[rest]
      if closing != nil, byte != space, byte != UInt8(ascii: "\t") { return nil }
      if closing == nil, character == backtick, byte == backtick { return nil }
      rest += 1
    }
    return (character, length)
  }

  private mutating func scanInline(
    _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ number: Int
  ) {
    var index = start
    while true {
      index = Self.nextOpeningOrBacktick(text, index, end)
      guard index < end else { break }
      let byte = text[index]
      if byte == Self.backtick {
        index = Self.skipCodeSpan(text, index, end)
      } else if byte == Self.open, index + 1 < end, text[index + 1] == Self.open {
        index = readLink(text, index, start, end, number)
      } else {
        index += 1
      }
    }
  }

  /// The first index from `index` (or `end`) holding a `[` or a backtick. Most text holds
  /// neither, so it is skipped eight bytes at a time: byte by byte, this scan was the largest
  /// share of reading a doc.
  private static func nextOpeningOrBacktick(
    _ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int
  ) -> Int {
    var index = index
    if let base = UnsafeRawPointer(text.baseAddress) {
      while index + 8 <= end {
        let word = (base + index).loadUnaligned(as: UInt64.self)
        if holds(word, open) || holds(word, backtick) { break }
        index += 8
      }
    }
    while index < end, text[index] != open, text[index] != backtick { index += 1 }
    return index
  }

  /// Whether any of the eight bytes of `word` is `byte` (the classic zero-byte test on
  /// `word ^ byte…byte`).
  private static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let difference = word ^ (ones &* UInt64(byte))
    return (difference &- ones) & ~difference & (ones &* 0x80) != 0
  }

  /// Past the code span opening at `index`, or past its backticks when nothing closes it.
  private static func skipCodeSpan(_ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int)
    -> Int
  {
    var runEnd = index
    while runEnd < end, text[runEnd] == backtick { runEnd += 1 }
    let length = runEnd - index
    var scan = runEnd
    while scan < end {
      if text[scan] != backtick {
        scan += 1
        continue
      }
      var closeEnd = scan
      while closeEnd < end, text[closeEnd] == backtick { closeEnd += 1 }
      if closeEnd - scan == length { return closeEnd }
      scan = closeEnd
    }
    return runEnd
  }

  /// Reads a link whose `[[` is at `index`; returns where scanning resumes.
  private mutating func readLink(
    _ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ lineStart: Int, _ end: Int, _ number: Int
  ) -> Int {
    let targetStart = index + 2
    var scan = targetStart
    while scan < end {
      let byte = text[scan]
      if byte == Self.open, scan + 1 < end, text[scan + 1] == Self.open { return scan }
      if byte == Self.close {
        guard scan + 1 < end, text[scan + 1] == Self.close else { return scan + 1 }
        emit(text, index, lineStart, targetStart..<scan, shown: nil, number)
        return scan + 2
      }
      if byte == Self.pipe {
        var shownEnd = scan + 1
        while shownEnd + 1 < end,
          !(text[shownEnd] == Self.close && text[shownEnd + 1] == Self.close)
        {
          shownEnd += 1
        }
        guard shownEnd + 1 < end else { return scan + 1 }
        emit(text, index, lineStart, targetStart..<scan, shown: scan + 1..<shownEnd, number)
        return shownEnd + 2
      }
      scan += 1
    }
    return end
  }

  private mutating func emit(
    _ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ lineStart: Int, _ target: Range<Int>,
    shown: Range<Int>?, _ number: Int
  ) {
    guard !target.isEmpty else { return }
    let isEmbed = index > lineStart && text[index - 1] == Self.bang
    links.append(
      WikiLink(
        line: number, text: text, target: target, shown: shown, isEmbed: isEmbed,
        at: inside.count))
    inside.append(contentsOf: UnsafeBufferPointer(rebasing: text[target]))
    if let shown {
      inside.append(Self.pipe)
      inside.append(contentsOf: UnsafeBufferPointer(rebasing: text[shown]))
    }
  }
}
