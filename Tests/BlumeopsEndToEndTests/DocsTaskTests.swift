import Testing

/// The docs built-ins run through the binary, as `tasks/docs.yaml` declares them: inside the DAG,
/// with their exit codes, their output in the task log, and `git log` read for the stale report.
@Suite struct DocsTaskTests {
  static func fixture() -> Fixture {
    let fixture = Fixture([
      "docs/index.md": """
      ---
      title: Home
      modified: 2026-01-01
      tags: [index]
      ---

      # Home

      [[how-to]] and [[nowhere]]

      """,
      "docs/how-to/how-to.md": """
      ---
      title: How-to
      modified: 2026-01-01
      tags: [how-to]
      ---

      # How-to

      [[index]]

      """,
    ])
    fixture.add("tasks/docs.yaml", Fixture.read(Repository.root + "/tasks/docs.yaml") ?? "")
    return fixture
  }

  @Test func aBrokenLinkFailsDocsCheckWithALocatedLineAndItIsLogged() {
    let fixture = Self.fixture()
    let run = fixture.run(["docs-check"])
    #expect(run.status == 1, "\(run.output)")
    #expect(run.stdout.contains("index.md:9: broken link `[[nowhere]]`: no doc has that stem"))
    #expect(run.stderr.contains("✗ docs-check exited 1"))
    #expect(fixture.run(["logs", "last", "docs-check"]).stdout.contains("index.md:9: broken link"))
  }

  @Test func aBuiltinOptionIsValidatedBeforeAnythingRuns() {
    let fixture = Self.fixture()
    let run = fixture.run(["docs-review", "--limit", "ten"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("invalid value `ten` for `--limit` of task `docs-review`"))
    #expect(!run.stderr.contains("▸ docs-review"), "nothing started")
  }

  @Test func theStaleReportWithoutGitHistoryCallsEveryDocUntracked() {
    let run = Self.fixture().run(["docs-review-stale"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("2 docs, 0 stale (over 180 days), 2 untracked"))
  }

  @Test(.enabled(if: Repository.installed("git"), "needs git"))
  func theStaleReportReadsTheLastCommitOfEachDoc() {
    let fixture = Self.fixture()
    fixture.add(
      "commit.sh",
      """
      git init -q && git add -A &&
        git -c user.email=ops@example.org -c user.name=ops commit -qm docs --date=2025-01-01T00:00:00Z
      """)
    #expect(runProcess(["/bin/bash", "-c", "cd '\(fixture.root)' && bash commit.sh"]) == 0)
    let run = fixture.run(["docs-review-stale", "--threshold", "30"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("2 docs, 2 stale (over 30 days), 0 untracked"), "\(run.stdout)")
    #expect(run.stdout.contains("index.md          2025-01-01"))
  }

  @Test func aCheckAfterATaskThatWritesDocsReadsWhatItWrote() {
    let fixture = Self.fixture()
    fixture.add(
      "tasks/generate.yaml",
      """
      tasks:
        generate: {run: "printf '[[elsewhere]]\\n' > docs/generated.md"}
        checked: {depends: [generate], builtin: docs-check-links}
      """)
    let run = fixture.run(["checked"])
    #expect(run.status == 1, "\(run.output)")
    #expect(run.stdout.contains("generated.md:1: broken link `[[elsewhere]]`"), "\(run.stdout)")
  }

  /// A built-in reads the docs when it runs, so it sees what a prerequisite wrote.
  @Test func aTaskNamedLikeABuiltinAfterATaskThatWritesDocsReadsWhatItWrote() {
    let fixture = Self.fixture()
    fixture.add(
      "tasks/docs.yaml",
      """
      tasks:
        generate: {run: "sleep 0.2; printf '[[elsewhere]]\\n' > docs/generated.md"}
        docs-check-links: {depends: [generate], builtin: docs-check-links}
        docs-check: {run: "echo not the built-in"}
      """)
    let run = fixture.run(["docs-check-links"])
    #expect(run.status == 1, "\(run.output)")
    #expect(run.stdout.contains("generated.md:1: broken link `[[elsewhere]]`"), "\(run.stdout)")
    let other = fixture.run(["docs-check"])
    #expect(other.status == 0, "\(other.output)")
    #expect(other.stdout.contains("not the built-in"), "\(other.stdout)")
  }

  @Test func twoChecksInOneRunReportAsTheyDoAlone() {
    let fixture = Self.fixture()
    // `-k`: a failing check must not cancel the other before it reports.
    let together = fixture.run(["-k", "run", "docs-check-links", ":::", "docs-check-frontmatter"])
    #expect(together.status == 1, "\(together.output)")
    for check in ["docs-check-links", "docs-check-frontmatter"] {
      let alone = fixture.run([check])
      for line in alone.stdout.split(separator: "\n") where line.hasPrefix("index.md") {
        #expect(together.stdout.contains(line), "\(line)")
      }
      #expect(together.stdout.contains(alone.stdout.split(separator: "\n").last ?? "-"))
    }
  }
}
