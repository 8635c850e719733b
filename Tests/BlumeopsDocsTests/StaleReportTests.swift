import Testing

@testable import BlumeopsDocs

@Suite struct StaleReportTests {
  /// What `git log --format=%x00%aI --name-only -- docs` prints, newest commit first.
  private let log = """
    \u{0}2026-11-19T23:30:00-02:00

    docs/a.md
    docs/b.md
    \u{0}2026-06-01T10:00:00+02:00

    docs/b.md
    docs/c.md
    docs/gone.md
    \u{0}2026-05-24T00:00:00Z

    docs/a.md
    "docs/caf\\303\\251.md"

    """

  @Test func theLatestAuthorDateOfEachPathWins() {
    let dates = GitLog.latestDates(log)
    #expect(dates["docs/a.md"]?.text == "2026-11-19T23:30:00-02:00")
    #expect(dates["docs/b.md"]?.date == DocsDate("2026-11-19"))
    #expect(dates["docs/c.md"]?.date == DocsDate("2026-06-01"))
    #expect(dates["docs/café.md"]?.date == DocsDate("2026-05-24"))
    #expect(dates.count == 5)
  }

  @Test func anOlderCommitListedLaterDoesNotOverrideANewerOne() {
    let dates = GitLog.latestDates(
      "\u{0}2026-01-01T00:00:00Z\n\ndocs/a.md\n\u{0}2026-03-01T00:00:00Z\n\ndocs/a.md\n")
    #expect(dates["docs/a.md"]?.date == DocsDate("2026-03-01"))
  }

  @Test func timeZonesAreComparedAsInstants() {
    let early = GitLog.stamp("2026-01-01T23:00:00-05:00")!
    let late = GitLog.stamp("2026-01-02T03:00:00+00:00")!
    #expect(early.instant > late.instant)
  }

  @Test func docsAreListedOldestFirstThenUntrackedWithStaleStrictlyOverTheThreshold() {
    let fixture = DocsFixture([
      "docs/a.md": "", "docs/b.md": "", "docs/c.md": "", "docs/café.md": "", "docs/new.md": "",
      "docs/changelog.d/x.md": "",
    ])
    let result = fixture.run(
      "docs-review-stale", ["threshold": "180"], today: "2026-11-20", gitLog: log)
    #expect(result.status == 0)
    #expect(
      result.output == """
        path     last commit  age
        café.md  2026-05-24   180
        c.md     2026-06-01   172
        a.md     2026-11-19     1
        b.md     2026-11-19     1
        new.md   untracked      -
        5 docs, 0 stale (over 180 days), 1 untracked

        """)
    let strict = fixture.run(
      "docs-review-stale", ["threshold": "179"], today: "2026-11-20", gitLog: log)
    #expect(strict.output.contains("café.md  2026-05-24   180  STALE\n"))
    #expect(strict.output.hasSuffix("5 docs, 1 stale (over 179 days), 1 untracked\n"))
  }

  @Test func outsideAGitRepositoryEveryDocIsUntrackedAndItStillExitsZero() {
    let fixture = DocsFixture(["docs/a.md": ""])
    let result = fixture.run("docs-review-stale", gitLog: nil)
    #expect(result.status == 0)
    #expect(result.output.contains("a.md  untracked"))
  }

  @Test func jsonListsEveryDoc() {
    let fixture = DocsFixture(["docs/a.md": "", "docs/new.md": ""])
    let result = fixture.run("docs-review-stale", ["format": "json"], gitLog: log)
    #expect(
      result.output == """
        {
          "version": 1,
          "check": "docs-review-stale",
          "threshold": 180,
          "docs": [
            {
              "path": "a.md",
              "last_commit": "2026-11-19T23:30:00-02:00",
              "age": 1,
              "stale": false,
              "untracked": false
            },
            {
              "path": "new.md",
              "last_commit": null,
              "age": null,
              "stale": false,
              "untracked": true
            }
          ],
          "summary": {
            "docs": 2,
            "stale": 0,
            "untracked": 1
          }
        }

        """)
  }
}
