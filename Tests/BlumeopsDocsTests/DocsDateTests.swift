import Testing

@testable import BlumeopsDocs

@Suite struct DocsDateTests {
  @Test func aWellFormedDateParses() {
    #expect(DocsDate("2026-02-28") == DocsDate(year: 2026, month: 2, day: 28))
    #expect(DocsDate("2024-02-29")?.description == "2024-02-29")
  }

  @Test(arguments: [
    "2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01T00", "yesterday", "",
  ])
  func aMalformedOrImpossibleDateIsRejected(_ text: String) {
    #expect(DocsDate(text) == nil)
  }

  @Test func daysBetweenDatesCountLeapDays() {
    let start = DocsDate(year: 2024, month: 2, day: 1)
    #expect(DocsDate(year: 2024, month: 3, day: 1).days(since: start) == 29)
    #expect(DocsDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
    #expect(DocsDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
  }

  @Test func todayIsARealDateThatRoundTripsThroughItsText() {
    let today = DocsDate.today()
    #expect(DocsDate(today.description) == today)
    #expect(today.year >= 2024)
  }
}
