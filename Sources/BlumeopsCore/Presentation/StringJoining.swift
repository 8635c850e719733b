extension Array where Element == String {
  /// The elements with `separator` between them, as the standard `joined(separator:)` gives.
  ///
  /// This concrete overload is chosen over the standard library's generic one, which runs
  /// unspecialized: on its first call in a process it instantiates witness tables and looks up
  /// conformances at run time, a measurable share of a short command's start-up.
  public func joined(separator: String) -> String {
    var length = Swift.max(0, count - 1) * separator.utf8.count
    for element in self { length += element.utf8.count }
    var result = ""
    result.reserveCapacity(length)
    for index in indices {
      if index > 0 { result += separator }
      result += self[index]
    }
    return result
  }
}
