/// A doc set's stems, looked up by the bytes of a link's file part.
///
/// The links check looks up every link of every doc; making a string of each file part for a
/// dictionary lookup cost more than the rest of the check. ASCII stems sit in an open-addressing
/// table keyed by their bytes. A miss is final unless some stem is not ASCII: the dictionary is
/// then asked, since its string keys compare by canonical equivalence, as a stem `K` written
/// with the Kelvin sign equals `K`.
struct StemTable {
  private let byStem: [String: [Int]]
  /// An entry's position plus one in each used slot, 0 in a free one.
  private var slots: [Int32]
  /// The bytes of every ASCII stem, one after the other; entry `i` spans
  /// `keyBounds[i]..<keyBounds[i + 1]`.
  private var keys: [UInt8] = []
  private var keyBounds: [Int] = [0]
  /// Each entry's first doc, and how many docs share its stem.
  private var firstDocs: [Int] = []
  private var docCounts: [Int] = []
  private var hasOtherStems = false

  /// What a file part reaches. Plain indices in the common cases: an array per lookup would be
  /// retained and released thousands of times in a check.
  enum Match: Equatable {
    case none
    case one(Int)
    case several([Int])
  }

  init(_ byStem: [String: [Int]]) {
    self.byStem = byStem
    var capacity = 16
    while capacity < byStem.count * 2 { capacity *= 2 }
    slots = [Int32](repeating: 0, count: capacity)
    firstDocs.reserveCapacity(byStem.count)
    docCounts.reserveCapacity(byStem.count)
    keyBounds.reserveCapacity(byStem.count + 1)
    for (stem, docs) in byStem {
      guard stem.utf8.allSatisfy({ $0 < 0x80 }) else {
        hasOtherStems = true
        continue
      }
      var slot = Self.hash(stem.utf8) & (capacity - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
      keys += stem.utf8
      keyBounds.append(keys.count)
      firstDocs.append(docs.first ?? -1)
      docCounts.append(docs.count)
      slots[slot] = Int32(firstDocs.count)
    }
  }

  /// The docs whose stem is `filePart`, in path order.
  func docs(_ filePart: UnsafeBufferPointer<UInt8>) -> Match {
    guard filePart.allSatisfy({ $0 < 0x80 }) else { return dictionaryMatch(filePart) }
    var slot = Self.hash(filePart) & (slots.count - 1)
    while slots[slot] != 0 {
      let entry = Int(slots[slot]) - 1
      if matches(entry, filePart) {
        guard docCounts[entry] > 1 else { return .one(firstDocs[entry]) }
        return .several(byStem[String(decoding: filePart, as: UTF8.self)] ?? [])
      }
      slot = (slot + 1) & (slots.count - 1)
    }
    return hasOtherStems ? dictionaryMatch(filePart) : .none
  }

  private func dictionaryMatch(_ filePart: UnsafeBufferPointer<UInt8>) -> Match {
    guard let docs = byStem[String(decoding: filePart, as: UTF8.self)], let first = docs.first
    else { return .none }
    return docs.count == 1 ? .one(first) : .several(docs)
  }

  private func matches(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = keyBounds[entry]
    guard keyBounds[entry + 1] - start == bytes.count else { return false }
    for offset in 0..<bytes.count where keys[start + offset] != bytes[offset] { return false }
    return true
  }

  /// FNV-1a: short keys, no need for a seeded hash.
  private static func hash(_ bytes: some Sequence<UInt8>) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return Int(truncatingIfNeeded: hash)
  }
}
