import BlumeopsCore

/// docs-check-links: spaced, path, ambiguous and broken links, then orphans.
public enum LinkCheck {
  public static let name = "docs-check-links"

  public static func run(_ set: DocSet) -> CheckReport {
    var findings: [DocsFinding] = []
    var linked = [Bool](repeating: false, count: set.docs.count)
    var suggester = StemSuggester(stems: set.docsByStem.keys)
    let stems = StemTable(set.docsByStem)
    var linkCount = 0
    // Through buffers, by index: a `for … in` over the docs and their links copied (and so
    // retained) every link it visited.
    for source in set.docs.indices {
      set.docs[source].links.withUnsafeBufferPointer { links in
        linkCount += links.count
        for index in links.indices {
          switch classify(links[index], in: set, stems: stems) {
          case .valid(let target?): if target != source { linked[target] = true }
          case .valid(nil): break
          case .problem(let kind, let candidates):
            let link = links[index]
            var finding = DocsFinding(kind, path: set.docs[source].path, line: link.line)
            finding.target = link.target
            finding.written = link.written
            if kind == .ambiguous { finding.candidates = candidates.map { set.docs[$0].path } }
            if kind == .broken { finding.suggestion = suggester.closest(to: link.filePart) }
            findings.append(finding)
          }
        }
      }
    }
    var orphans = 0
    for index in set.docs.indices where !linked[index] && set.docs[index].stem != "index" {
      findings.append(DocsFinding(.orphan, path: set.docs[index].path))
      orphans += 1
    }
    let summaryLine =
      "\(name): \(CheckReport.plural(set.docs.count, "doc")), "
      + "\(CheckReport.plural(linkCount, "link")), \(CheckReport.problems(findings.count))"
    return CheckReport(
      check: name, findings: findings,
      summary: [
        ("docs", set.docs.count), ("links", linkCount), ("findings", findings.count),
        ("orphans", orphans),
      ],
      summaryLine: summaryLine)
  }

  enum Outcome {
    /// Fine; the doc it reaches, if any (a heading in the same doc or CHANGELOG reach none).
    case valid(Int?)
    case problem(DocsFinding.Kind, candidates: [Int])
  }

  /// The first rule that applies, in precedence order.
  static func classify(
    _ link: borrowing WikiLink, in set: borrowing DocSet, stems: borrowing StemTable
  ) -> Outcome {
    if link.isSpaced { return .problem(.spaced, candidates: []) }
    if link.isHeadingOnly { return .valid(nil) }
    if link.isPath { return .problem(.path, candidates: []) }
    switch link.target(in: stems) {
    case .one(let doc): return .valid(doc)
    case .several(let docs): return .problem(.ambiguous, candidates: docs)
    case .none:
      if set.hasChangelog, link.filePart == "CHANGELOG" { return .valid(nil) }
      return .problem(.broken, candidates: [])
    }
  }
}
