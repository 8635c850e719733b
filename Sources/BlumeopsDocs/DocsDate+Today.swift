import Glibc

extension DocsDate {
  /// Today's date in the local time zone, for the review tools' ages and `last-reviewed` line.
  public static func today() -> DocsDate {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return DocsDate(
      year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
  }
}
