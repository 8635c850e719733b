import BlumeopsCore

/// A run as JUnit XML (`--report junit=PATH`): one `testcase` per planned task, in plan order; a
/// failure carries its exit status and the last lines of its masked output, a task that did not
/// run is `skipped` with why. Documented in `docs/reference/junit-report.md`.
public struct JUnitReport {
  public var plan: Plan
  public var report: RunReport
  /// `blumeops ci`, say: the suite's name.
  public var name: String
  /// When the run started, seconds since the epoch; and how long it took.
  public var start: Double
  public var seconds: Double
  public var host: String
  /// A task's last output lines (masked) by plan node.
  public var tail: (Int) -> [String]

  public init(
    plan: Plan, report: RunReport, name: String, start: Double, seconds: Double, host: String,
    tail: @escaping (Int) -> [String]
  ) {
    self.plan = plan
    self.report = report
    self.name = name
    self.start = start
    self.seconds = seconds
    self.host = host
    self.tail = tail
  }

  public var xml: String {
    let failures = report.nodes.filter { $0.state == .failed }.count
    let skipped = report.nodes.filter { !$0.state.isSuccess && $0.state != .failed }.count
    let counts =
      "tests=\"\(report.nodes.count)\" failures=\"\(failures)\" errors=\"0\" "
      + "skipped=\"\(skipped)\" time=\"\(Self.seconds(seconds))\""
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<testsuites name=\"blumeops\" \(counts)>",
      "  <testsuite name=\(Self.attribute(name)) \(counts) "
        + "timestamp=\"\(WallClock.iso8601(start.rounded(.down)))\" hostname=\(Self.attribute(host))>",
    ]
    // Prerequisites before what needs them, as the summary lists them.
    for node in plan.waves.joined() { lines += testcase(node) }
    lines += ["  </testsuite>", "</testsuites>"]
    return lines.joined(separator: "\n") + "\n"
  }

  private func testcase(_ node: Int) -> [String] {
    let entry = report.nodes[node]
    let task = plan.nodes[node].task
    var head = "    <testcase name=\(Self.attribute(entry.label)) classname=\"blumeops\""
    if let location = task.definedAt {
      head += " file=\(Self.attribute(location.file)) line=\"\(location.position.line)\""
    }
    head += " time=\"\(Self.seconds(entry.duration.map(Self.seconds) ?? 0))\""
    var body: [String] = []
    switch entry.state {
    case .failed:
      let status = entry.attemptStatuses.last ?? entry.exitCode.map { "exited \($0)" } ?? "failed"
      var message = status
      if entry.attempts > 1 {
        message +=
          " (\(entry.attempts) attempts: "
          + entry.attemptStatuses.joined(separator: ", ") + ")"
      }
      let type = entry.timedOut ? "timeout" : "exit-status"
      let code = entry.exitCode.map { " exit status \($0)" } ?? ""
      let output = tail(node)
      let text =
        "\(entry.label): \(message);\(code)"
        + (output.isEmpty
          ? ""
          : output.count == 1
            ? "\nlast line of output:\n" : "\nlast \(output.count) lines of output:\n")
        + output.joined(separator: "\n")
      body.append(
        "      <failure message=\(Self.attribute(message)) type=\"\(type)\">"
          + Self.text(text) + "</failure>")
    case .succeeded where entry.attempts > 1:
      body.append(
        "      <system-out>"
          + Self.text(
            "succeeded after \(entry.attempts) attempts ("
              + entry.attemptStatuses.joined(separator: ", ") + ")") + "</system-out>")
    case .succeeded:
      break
    default:
      let reason = report.reason(node: node, plan: plan) ?? entry.state.rawValue
      body.append("      <skipped message=\(Self.attribute(reason))/>")
    }
    return body.isEmpty ? [head + "/>"] : [head + ">"] + body + ["    </testcase>"]
  }

  static func seconds(_ duration: Duration) -> Double {
    let (whole, fraction) = duration.components
    return Double(whole) + Double(fraction) / 1e18
  }

  /// Seconds with three decimals.
  static func seconds(_ value: Double) -> String {
    let millis = Int((value * 1000).rounded())
    let fraction = String(millis % 1000)
    return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }

  /// A quoted attribute value.
  static func attribute(_ value: String) -> String {
    "\"" + escape(value).replacing("\"", with: "&quot;").replacing("\n", with: "&#10;") + "\""
  }

  static func text(_ value: String) -> String { escape(value) }

  /// XML 1.0 has no place for most control characters: colour codes (`ESC [ … m`) are dropped,
  /// any other control character becomes U+FFFD; `&`, `<` and `>` become entities.
  static func escape(_ value: String) -> String {
    var output = ""
    output.reserveCapacity(value.utf8.count)
    var inEscape = false
    for scalar in value.unicodeScalars {
      if inEscape {
        // The parameters and intermediates of a CSI sequence, up to its final byte.
        if scalar.value >= 0x40 && scalar.value <= 0x7E && scalar != "[" { inEscape = false }
        continue
      }
      switch scalar {
      case "\u{1B}": inEscape = true
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
        output += "\u{FFFD}"
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}
