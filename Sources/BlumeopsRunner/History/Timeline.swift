import BlumeopsCore

/// A recorded run as a Gantt chart in a self-contained SVG (`history show --timeline`): each
/// task a bar on the lane it ran in, coloured by its result, the critical path outlined, and
/// every bar titled with its task, result and times.
public struct Timeline {
  public let record: RunRecord

  public init(record: RunRecord) {
    self.record = record
  }

  struct Bar {
    var task: Int
    var start: Double
    var end: Double
    var lane: Int
  }

  static let width = 960.0
  static let margin = 16.0
  static let laneHeight = 28.0
  static let header = 64.0

  /// Started tasks by start time, each on the first lane free when it started.
  var bars: [Bar] {
    let started = record.tasks.indices.compactMap { index -> Bar? in
      guard let start = record.tasks[index].start else { return nil }
      let end = start + max(0, record.tasks[index].duration ?? 0)
      return Bar(task: index, start: start, end: end, lane: 0)
    }.sorted { ($0.start, $0.task) < ($1.start, $1.task) }
    var laneEnds: [Double] = []
    return started.map { bar in
      var bar = bar
      // A millisecond of slack: the history keeps times to the millisecond.
      if let free = laneEnds.firstIndex(where: { $0 <= bar.start + 0.001 }) {
        bar.lane = free
        laneEnds[free] = bar.end
      } else {
        bar.lane = laneEnds.count
        laneEnds.append(bar.end)
      }
      return bar
    }
  }

  /// The chain of tasks that decided the run's length: from the task that ended last, back
  /// through the task each waited for that ended last.
  public var criticalPath: [Int] {
    let ends = Dictionary(uniqueKeysWithValues: bars.map { ($0.task, $0.end) })
    guard var current = ends.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
      return []
    }
    var path = [current]
    var seen: Set<Int> = [current]
    while let previous = record.tasks[current].needs.filter({
      ends[$0] != nil && !seen.contains($0)
    })
    .max(by: { ends[$0]! < ends[$1]! }) {
      path.append(previous)
      seen.insert(previous)
      current = previous
    }
    return path.reversed()
  }

  static func color(_ status: String) -> String {
    switch status {
    case "succeeded": return "#2da44e"
    case "failed": return "#cf222e"
    case "up-to-date": return "#54aeff"
    default: return "#8c959f"
    }
  }

  public var svg: String {
    let bars = self.bars
    let lanes = (bars.map(\.lane).max() ?? -1) + 1
    let total = max(
      record.end.map { $0 - record.start } ?? 0, bars.map(\.end).max() ?? 0, 0.001)
    let left = Self.margin + 56
    let chart = Self.width - left - Self.margin
    let x = { (seconds: Double) in left + seconds / total * chart }
    let top = Self.header
    // A task with a duration but no start was recorded by a version that kept no start times.
    let notRun = record.tasks.indices.filter {
      record.tasks[$0].start == nil && record.tasks[$0].duration == nil
    }
    let untimed = record.tasks.contains { $0.start == nil && $0.duration != nil }
    let height =
      top + Double(max(lanes, 1)) * Self.laneHeight + 48 + (notRun.isEmpty ? 0 : 22)
      + (untimed ? 22 : 0)
    let critical = Set(criticalPath)
    var out: [String] = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(Self.width))\" "
        + "height=\"\(Int(height))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" "
        + "font-family=\"sans-serif\" font-size=\"12\">",
      "<title>\(Self.escape("blumeops run \(record.id)"))</title>",
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
      text(
        Self.margin, 22,
        "run \(record.id) · \(record.status)"
          + (record.exitCode.map { " (exit \($0))" } ?? "") + " · "
          + Duration.seconds(total).brief, bold: true),
      text(Self.margin, 40, record.command, color: "#57606a"),
    ]
    // The time axis: about eight ticks at a round step.
    let step = Self.tickStep(total)
    var tick = 0.0
    while tick <= total + step / 1000 {
      let position = Self.number(x(tick))
      out.append(
        "<line x1=\"\(position)\" y1=\"\(Int(top) - 6)\" x2=\"\(position)\" "
          + "y2=\"\(Self.number(top + Double(lanes) * Self.laneHeight))\" stroke=\"#d0d7de\"/>")
      out.append(text(x(tick) - 8, top - 10, Duration.seconds(tick).brief, color: "#57606a"))
      tick += step
    }
    for lane in 0..<lanes {
      out.append(
        text(
          Self.margin, top + Double(lane) * Self.laneHeight + 18, "lane \(lane + 1)",
          color: "#57606a"))
    }
    for bar in bars {
      let task = record.tasks[bar.task]
      let x0 = x(bar.start)
      let width = max(2, x(bar.end) - x0)
      let y = top + Double(bar.lane) * Self.laneHeight + 4
      let onPath = critical.contains(bar.task)
      let summary =
        "\(task.label): \(task.status)" + (task.exitCode.map { " (exit \($0))" } ?? "")
        + ", started at \(Duration.seconds(bar.start).brief), took "
        + Duration.seconds(bar.end - bar.start).brief + (onPath ? ", on the critical path" : "")
      out.append(
        "<g data-task=\(Self.attribute(task.label)) data-status=\(Self.attribute(task.status))"
          + (onPath ? " data-critical=\"true\"" : "") + ">")
      out.append("<title>\(Self.escape(summary))</title>")
      out.append(
        "<rect x=\"\(Self.number(x0))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" "
          + "height=\"\(Int(Self.laneHeight - 8))\" rx=\"3\" fill=\"\(Self.color(task.status))\""
          + (onPath ? " stroke=\"#1f2328\" stroke-width=\"3\"" : "") + "/>")
      // A label where it fits (about 7 pixels a character).
      if width > Double(task.label.count) * 7 + 8 {
        out.append(text(x0 + 5, y + 14, task.label, color: "#ffffff"))
      }
      out.append("</g>")
    }
    var legendY = top + Double(lanes) * Self.laneHeight + 24
    if !notRun.isEmpty {
      let names = notRun.map { "\(record.tasks[$0].label) (\(record.tasks[$0].status))" }
      out.append(text(Self.margin, legendY, "not run: " + names.joined(separator: ", ")))
      legendY += 22
    }
    if untimed {
      out.append(
        text(
          Self.margin, legendY,
          "this run was recorded without start times: its tasks cannot be placed"))
      legendY += 22
    }
    var legendX = Self.margin
    for (name, color) in [
      ("succeeded", "#2da44e"), ("failed", "#cf222e"), ("up to date", "#54aeff"),
      ("cancelled or skipped", "#8c959f"),
    ] {
      out.append(
        "<rect x=\"\(Self.number(legendX))\" y=\"\(Self.number(legendY - 10))\" width=\"12\" "
          + "height=\"12\" fill=\"\(color)\"/>")
      out.append(text(legendX + 16, legendY, name))
      legendX += 36 + Double(name.count) * 7
    }
    out.append(
      "<rect x=\"\(Self.number(legendX))\" y=\"\(Self.number(legendY - 10))\" width=\"12\" "
        + "height=\"12\" fill=\"#ffffff\" stroke=\"#1f2328\" stroke-width=\"3\"/>")
    out.append(text(legendX + 16, legendY, "critical path"))
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  private func text(
    _ x: Double, _ y: Double, _ content: String, color: String = "#1f2328", bold: Bool = false
  ) -> String {
    "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" fill=\"\(color)\""
      + (bold ? " font-weight=\"bold\"" : "") + ">\(Self.escape(content))</text>"
  }

  /// 1, 2 or 5 times a power of ten, for about eight ticks.
  static func tickStep(_ total: Double) -> Double {
    let rough = total / 8
    var power = 0.001
    while power * 10 <= rough { power *= 10 }
    for factor in [1.0, 2.0, 5.0] where power * factor >= rough { return power * factor }
    return power * 10
  }

  static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  static func escape(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case _ where scalar.value < 0x20 && scalar != "\t": output += " "
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }

  static func attribute(_ text: String) -> String {
    "\"" + escape(text).replacing("\"", with: "&quot;") + "\""
  }
}
