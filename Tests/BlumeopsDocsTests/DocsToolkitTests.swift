import BlumeopsCore
import Foundation
import Testing

@testable import BlumeopsDocs

@Suite struct DocsToolkitTests {
  @Test func jsonFindingsHaveAStableShape() {
    let fixture = DocsFixture([
      "docs/index.md": card(body: "[[a/b]]\n[[twin]]\n[[goood]]"),
      "docs/good.md": card(body: "[[index]]"),
      "docs/x/twin.md": card(body: "[[good]]"), "docs/y/twin.md": card(body: "[[good]]"),
    ])
    let result = fixture.run("docs-check-links", ["format": "json"])
    #expect(result.status == 1)
    #expect(
      result.output == """
        {
          "version": 1,
          "check": "docs-check-links",
          "findings": [
            {
              "kind": "path",
              "path": "index.md",
              "line": 7,
              "target": "a/b",
              "message": "link `[[a/b]]` uses a path: link by stem only (`[[b]]`)"
            },
            {
              "kind": "ambiguous",
              "path": "index.md",
              "line": 8,
              "target": "twin",
              "candidates": [
                "x/twin.md",
                "y/twin.md"
              ],
              "message": "ambiguous link `[[twin]]`: several docs have that stem: x/twin.md, y/twin.md"
            },
            {
              "kind": "broken",
              "path": "index.md",
              "line": 9,
              "target": "goood",
              "suggestion": "good",
              "message": "broken link `[[goood]]`: no doc has that stem (did you mean `good`?)"
            },
            {
              "kind": "orphan",
              "path": "x/twin.md",
              "line": null,
              "message": "orphan: no other doc links here"
            },
            {
              "kind": "orphan",
              "path": "y/twin.md",
              "line": null,
              "message": "orphan: no other doc links here"
            }
          ],
          "summary": {
            "docs": 4,
            "links": 6,
            "findings": 5,
            "orphans": 2
          }
        }

        """)
  }

  @Test func fieldIndexAndStemFindingsCarryTheirData() {
    let fixture = DocsFixture([
      "docs/how-to/how-to.md": card(), "docs/how-to/x.md": "no frontmatter",
      "docs/reference/x.md": card(extra: "status: draft"),
    ])
    let result = fixture.run("docs-check", ["format": "json"])
    let json = result.output
    #expect(result.status == 1)
    #expect(json.contains("\"index\": \"how-to/how-to.md\""))
    #expect(json.contains("\"kind\": \"missing-index\""))
    #expect(json.contains("\"stem\": \"x\""))
    #expect(
      json.contains(
        "\"fields\": [\n        \"title\",\n        \"tags\",\n        \"modified\"\n      ]"))
    #expect(json.contains("\"fields\": [\n        \"status\"\n      ]"))
  }

  @Test func docsCheckReportsEveryFindingOfTheFourChecksInOrder() {
    let fixture = DocsFixture([
      "docs/index.md": card(body: "[[nowhere]] [[how-to]]"),
      "docs/how-to/how-to.md": card(body: "[[a]]"), "docs/how-to/a.md": card(body: "[[index]]"),
      "docs/how-to/b.md": card(body: "[[a]]"), "docs/reference/a.md": "---\ntitle: [\n---\n",
    ])
    let result = fixture.run("docs-check")
    #expect(result.status == 1)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(
      lines.map { $0.split(separator: ":").first.map(String.init) ?? "" } == [
        "how-to/b.md", "how-to/how-to.md", "index.md", "how-to/a.md",
        "how-to/b.md", "reference/a.md", "how-to/b.md",
        "reference/reference.md",
        "how-to/a.md", "reference/a.md", "docs-check",
      ])
    #expect(lines[9].hasPrefix("reference/a.md:3: invalid frontmatter: "))
    #expect(
      lines.last == "docs-check: 5 docs, 10 problems (links 6, index 2, filenames 1, frontmatter 1)"
    )
  }

  @Test func aCleanTreePassesEveryCheck() {
    let fixture = DocsFixture([
      "docs/index.md": card(body: "[[how-to]] [[CHANGELOG]]"), "CHANGELOG.md": "# Changes",
      "docs/how-to/how-to.md": card(body: "[[a]] [[index]]"),
      "docs/how-to/a.md": card(extra: "status: stable"),
    ])
    for name in DocsToolkit.builtinNames {
      #expect(fixture.run(name).status == 0, "\(name)")
    }
    #expect(
      fixture.run("docs-check").output
        == "docs-check: 3 docs, no problems (links 0, index 0, filenames 0, frontmatter 0)\n")
  }

  @Test func aMissingOrEmptyDocsFolderIsAnEmptySet() {
    let missing = DocsFixture()
    #expect(missing.run("docs-check").status == 0)
    #expect(
      missing.run("docs-check-links").output == "docs-check-links: 0 docs, 0 links, no problems\n")
    let empty = DocsFixture()
    empty.mkdir("docs")
    #expect(
      empty.run("docs-check-filenames").output
        == "docs-check-filenames: 0 docs, 0 unique stems, 0 duplicates\n")
  }

  @Test(arguments: [
    (["format": "yaml"], "error: invalid value `yaml` for `format`: expected `text` or `json`\n"),
    (
      ["limit": "0"],
      "error: invalid value `0` for `limit`: expected a whole number of at least 1\n"
    ),
    (
      ["limit": "ten"],
      "error: invalid value `ten` for `limit`: expected a whole number of at least 1\n"
    ),
    (
      ["threshold": "-1"],
      "error: invalid value `-1` for `threshold`: expected a whole number of at least 0\n"
    ),
  ])
  func aBadOptionValueExitsTwoWithOneLine(_ options: [String: String], _ message: String) {
    let result = DocsFixture().run("docs-review", options)
    #expect(result.status == 2)
    #expect(result.errors == message)
    #expect(result.output == "")
  }

  @Test func anUnknownBuiltinExitsTwo() {
    let result = DocsFixture().run("docs-check-everything")
    #expect(result.status == 2)
    #expect(result.errors == "error: unknown docs built-in `docs-check-everything`\n")
  }

  @Test func outputIsWrittenOneLineAtATimeWithoutLineBreaks() {
    let fixture = DocsFixture(["docs/index.md": card(extra: "last-reviewed: 2026-11-01")])
    for (name, options) in [("docs-review", [:]), ("docs-check", ["format": "json"])] {
      var lines: [String] = []
      _ = try? DocsToolkit.run(
        name, options: options, root: fixture.root, today: DocsDate("2026-11-20")!, gitLog: nil,
        color: false
      ) { lines.append($0) }
      #expect(lines.count > 3)
      #expect(lines.allSatisfy { !$0.contains("\n") })
    }
  }

  @Test func theGitLogArgumentsListDocsInOnePass() {
    #expect(DocsToolkit.gitLogArguments.contains("--name-only"))
    #expect(DocsToolkit.gitLogArguments.last == "docs")
  }

  @Test func tasksDocsYAMLDeclaresEveryBuiltinWithItsFlags() throws {
    // The test file may be reached through a symbolic link; the repository is where it really is.
    let file = try #require(realpath(#filePath, nil))
    defer { free(file) }
    let root = String(cString: file).split(separator: "/").dropLast(3).joined(separator: "/")
    let text = try #require(FileSystem.readText("/" + root + "/tasks/docs.yaml"))
    let tasks = try #require(try YAMLReader.parse(text)?["tasks"]?.mapping)
    #expect(tasks.compactMap { $0.value["builtin"]?.scalar } == DocsToolkit.builtinNames)
    #expect(tasks.compactMap(\.key.scalar) == DocsToolkit.builtinNames)
    for task in tasks { #expect(task.value["flags"]?["format"]?["default"]?.scalar == "text") }
    let review = tasks.first { $0.key.scalar == "docs-review" }?.value
    #expect(review?["flags"]?["limit"]?["default"]?.scalar == "15")
    let stale = tasks.first { $0.key.scalar == "docs-review-stale" }?.value
    #expect(stale?["flags"]?["threshold"]?["default"]?.scalar == "180")
  }
}
