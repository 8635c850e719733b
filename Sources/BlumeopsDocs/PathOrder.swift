/// The order docs are listed and reported in: String order of their paths.
enum PathOrder {
  /// `paths` sorted by `<`, with a merge sort of its own: on its first use in a process, the
  /// standard library's sort instantiated run-time metadata and searched the binary's protocol
  /// conformances, which cost a small tree's check more than the sorting itself. Positions are
  /// sorted rather than the strings, which would be retained and released at every move.
  static func sorted(_ paths: [String]) -> [String] {
    var source = Array(paths.indices)
    var target = source
    var width = 1
    while width < paths.count {
      var start = 0
      while start < paths.count {
        let middle = min(start + width, paths.count)
        let end = min(middle + width, paths.count)
        var left = start
        var right = middle
        for slot in start..<end {
          if right == end || (left < middle && !(paths[source[right]] < paths[source[left]])) {
            target[slot] = source[left]
            left += 1
          } else {
            target[slot] = source[right]
            right += 1
          }
        }
        start = end
      }
      swap(&source, &target)
      width *= 2
    }
    return source.map { paths[$0] }
  }
}
