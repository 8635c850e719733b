import BlumeopsCore
import Testing

@testable import BlumeopsRunner

@Suite struct SummaryTableTests {
  @Test func everyTaskGetsAStatusAndDurationsOnlyWhereItRan() {
    let rows = [
      SummaryRow(label: "build", state: .succeeded, duration: .milliseconds(1200)),
      SummaryRow(
        label: "test", state: .failed, duration: .milliseconds(12_400), detail: "exited 1"),
      SummaryRow(label: "deploy", state: .skipped),
      SummaryRow(label: "lint", state: .cancelled, duration: .milliseconds(300)),
      SummaryRow(label: "docs", state: .upToDate),
    ]
    #expect(
      SummaryTable.render(rows, color: false) == [
        "✓ build   ok           1.2s",
        "✗ test    failed      12.4s  exited 1",
        "- deploy  skipped",
        "⊘ lint    cancelled    0.3s",
        "= docs    up-to-date",
      ])
  }

  @Test func subTasksAreIndentedUnderTheirTask() {
    let rows = [
      SummaryRow(label: "deploy", state: .succeeded, duration: .seconds(2)),
      SummaryRow(label: "migrate", state: .succeeded, duration: .seconds(1), depth: 1),
    ]
    #expect(
      SummaryTable.render(rows, color: false) == [
        "✓ deploy     ok  2.0s",
        "✓   migrate  ok  1.0s",
      ])
  }

  @Test func longDurationsUseMinutesAndHours() {
    #expect(Duration.seconds(125).brief == "2m05s")
    #expect(Duration.seconds(3720).brief == "1h02m")
    #expect(Duration.milliseconds(59_940).brief == "59.9s")
  }

  @Test func colourIsAddedOnlyWhenAskedFor() {
    let row = [SummaryRow(label: "a", state: .failed, duration: .seconds(1))]
    #expect(SummaryTable.render(row, color: true).first?.contains("\u{1B}[31m") == true)
    #expect(SummaryTable.render(row, color: false).first?.contains("\u{1B}") == false)
  }
}
