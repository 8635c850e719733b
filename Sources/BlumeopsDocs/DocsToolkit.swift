import BlumeopsCore

/// The docs toolkit's single entry point, used by the `builtin` steps of `tasks/docs.yaml`.
public enum DocsToolkit {
  /// Every built-in the toolkit provides.
  public static let builtinNames = [
    LinkCheck.name, IndexCheck.name, FilenameCheck.name, FrontmatterCheck.name, DocsCheck.name,
    ReviewQueue.name, StaleReport.name, TagInventory.name,
  ]

  /// The `git` arguments whose output docs-review-stale reads (one pass over `docs/`).
  public static let gitLogArguments = GitLog.arguments

  /// Whether a built-in reads `git log` output.
  /// The first option a built-in would refuse, found before anything runs.
  public static func optionProblem(_ name: String, options: [String: String]) -> DocsOptionError? {
    guard builtinNames.contains(name) else { return nil }
    do {
      _ = try DocsOptions(options)
      return nil
    } catch {
      return error
    }
  }

  public static func needsGitLog(_ name: String) -> Bool { name == StaleReport.name }

  /// Runs one built-in; `gitLog` is the output of `git` with gitLogArguments run in root (nil when
  /// not a git repo or for other checks). Returns the exit status, or throws for a bad name or
  /// option before reading anything; the caller renders the error.
  ///
  /// `write` receives the output one line at a time, without its line break (the shape of
  /// `BuiltinContext.writeLine`). With `annotations` (in CI), the text output of a check ends
  /// with one workflow command per finding.
  public static func run(
    _ name: String, options: [String: String], root: String, today: DocsDate, gitLog: String?,
    color: Bool, annotations: AnnotationPaths? = nil, write: (String) -> Void
  ) throws(BlumeopsError) -> Int32 {
    guard builtinNames.contains(name) else { throw .usage("unknown docs built-in `\(name)`") }
    let parsed: DocsOptions
    do {
      parsed = try DocsOptions(options)
    } catch {
      throw .usage(error.message)
    }
    let set = DocSet.load(root: root, parts: DocParts.read(by: name))
    let json = parsed.format == .json
    func emit(_ text: @autoclosure () -> String, _ value: @autoclosure () -> JSONValue) {
      let output = json ? value().versioned.serialized(indent: 2) + "\n" : text()
      // Every rendering ends its last line with a line break; a blank line inside is kept.
      var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.last?.isEmpty == true { lines.removeLast() }
      for line in lines { write(String(line)) }
    }
    switch name {
    case ReviewQueue.name:
      let queue = ReviewQueue(set, today: today)
      emit(queue.text(limit: parsed.limit, color: color), queue.json)
      return queue.entries.isEmpty ? 1 : 0
    case StaleReport.name:
      let report = StaleReport(set, gitLog: gitLog, today: today, threshold: parsed.threshold)
      emit(report.text(color: color), report.json)
      return 0
    case TagInventory.name:
      let inventory = TagInventory(set)
      emit(inventory.text(color: color), inventory.json)
      return 0
    default:
      let report = check(name, set)
      emit(report.text, report.json)
      if let annotations, !json { report.annotationLines(annotations).forEach(write) }
      return report.exitCode
    }
  }

  /// Runs one of the checks (the four and docs-check) over a loaded set.
  public static func check(_ name: String, _ set: DocSet) -> CheckReport {
    switch name {
    case LinkCheck.name: return LinkCheck.run(set)
    case IndexCheck.name: return IndexCheck.run(set)
    case FilenameCheck.name: return FilenameCheck.run(set)
    case FrontmatterCheck.name: return FrontmatterCheck.run(set)
    default: return DocsCheck.run(set)
    }
  }
}
