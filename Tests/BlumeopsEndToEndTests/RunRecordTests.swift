import Testing

/// `--report junit=PATH` and `--events PATH|-` for a run with failing, skipped, retried and
/// timed-out tasks: the XML parses, has one testcase per planned task, and every event line is
/// JSON with a version.
@Suite(.enabled(if: ExternalTool.enabled("python3"), "python3 reads the XML and the JSON"))
struct RunRecordTests {
  static func fixture() -> Fixture {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        ok: {run: 'echo fine; echo line2'}
        bad:
          secrets: {TOKEN: 'env:MY_TOKEN'}
          run: 'echo "broken <&> $TOKEN $(printf "\\033[31mred\\033[0m")"; exit 2'
        after-bad: {depends: [bad], run: echo never}
        slow: {run: 'sleep 30', timeout: 1s}
        flaky:
          run: 'if [ -f .tried ]; then echo second; else touch .tried; echo first; exit 1; fi'
          retry: {attempts: 2, delay: 1s}
        all: {depends: [ok, after-bad, slow, flaky]}
      """
    ])
    fixture.add("junit.py", junitReader)
    fixture.add("events.py", eventsReader)
    return fixture
  }

  static let secret = ["MY_TOKEN": "hunter2-secret"]

  /// Prints one line for the suite's counts, then one per testcase: `name outcome detail`.
  static let junitReader = """
    import sys, xml.etree.ElementTree as E
    root = E.parse(sys.argv[1]).getroot()
    suite = root.find('testsuite')
    print('suite', suite.get('tests'), suite.get('failures'), suite.get('skipped'))
    for case in suite.findall('testcase'):
        failure, skipped, out = case.find('failure'), case.find('skipped'), case.find('system-out')
        if failure is not None:
            print(case.get('name'), 'failure', failure.get('type'), failure.get('message'), repr(failure.text))
        elif skipped is not None:
            print(case.get('name'), 'skipped', skipped.get('message'))
        else:
            print(case.get('name'), 'ok', out.text if out is not None else '')

    """

  /// Parses every line as JSON with `"version": 1`; prints `event label status lines reason`.
  static let eventsReader = """
    import json, sys
    for line in open(sys.argv[1]):
        event = json.loads(line)
        assert event['version'] == 1, line
        print(event['event'], event.get('label', '-'), event.get('status', '-'), event.get('lines', '-'), event.get('reason') or '-')

    """

  @Test func aJUnitReportHasOneTestcasePerPlannedTaskWithFailuresAndSkips() {
    let fixture = Self.fixture()
    let run = fixture.run(
      ["-k", "--report", "junit=out/report.xml", "all"], environment: Self.secret)
    // The first failure decides the exit: `bad` (2) or `slow` timing out (124), as they run.
    #expect([2, 124].contains(run.status), "\(run.output)")
    let read = ExternalTool.run("python3 junit.py out/report.xml", in: fixture.root)
    #expect(read.status == 0, "\(read.output)")
    let lines = read.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "suite 6 2 2", "\(read.stdout)")
    #expect(lines.count == 7, "\(read.stdout)")
    #expect(lines.contains("ok ok "), "\(read.stdout)")
    #expect(lines.contains("flaky ok succeeded after 2 attempts (exited 1)"), "\(read.stdout)")
    #expect(lines.contains("after-bad skipped dependency `bad` failed"), "\(read.stdout)")
    #expect(lines.contains("all skipped dependency `after-bad` skipped"), "\(read.stdout)")
    #expect(
      lines.contains {
        $0.hasPrefix("slow failure timeout timed out 'slow: timed out; exit status 124")
      },
      "\(read.stdout)")
    let bad = lines.first { $0.hasPrefix("bad failure exit-status exited 2 ") } ?? ""
    #expect(bad.contains("last line of output:\\nbroken <&> **** red'"), "\(read.stdout)")
    #expect(!(fixture.read("out/report.xml") ?? "").contains("hunter2"))
  }

  @Test func everyEventLineParsesAndEveryTaskEndsOnce() {
    let fixture = Self.fixture()
    let run = fixture.run(["-k", "--events", "events.ndjson", "all"], environment: Self.secret)
    #expect([2, 124].contains(run.status), "\(run.output)")
    let read = ExternalTool.run("python3 events.py events.ndjson", in: fixture.root)
    #expect(read.status == 0, "\(read.output)")
    let lines = read.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "run-started - - - -", "\(read.stdout)")
    #expect(lines.last == "run-ended - failed - -", "\(read.stdout)")
    let ended = lines.filter { $0.hasPrefix("task-ended ") }
    #expect(ended.count == 6, "\(read.stdout)")
    #expect(ended.contains("task-ended ok succeeded 2 -"), "\(read.stdout)")
    #expect(ended.contains("task-ended flaky succeeded 2 -"), "\(read.stdout)")
    #expect(ended.contains("task-ended slow failed 0 -"), "\(read.stdout)")
    #expect(ended.contains("task-ended bad failed 1 -"), "\(read.stdout)")
    #expect(ended.contains("task-ended after-bad skipped 0 dependency `bad` failed"))
    #expect(lines.filter { $0.hasPrefix("task-started ") }.count == 4, "\(read.stdout)")
    #expect(lines.contains("task-output ok - 2 -"), "\(read.stdout)")
    let text = fixture.read("events.ndjson") ?? ""
    #expect(text.contains("\"exit_code\":124,\"timed_out\":true"), "\(text)")
    #expect(text.contains("\"attempts\":2,\"attempt_statuses\":[\"exited 1\"]"), "\(text)")
  }

  @Test func eventsOnStandardOutputLeaveItToThemAlone() {
    let fixture = Self.fixture()
    let run = fixture.run(["-k", "--events", "-", "ok"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stderr.contains("fine"))
    let events = run.stdout.split(separator: "\n")
    for name in ["run-started", "task-started", "task-ended", "run-ended"] {
      #expect(events.filter { $0.contains("\"event\":\"\(name)\"") }.count == 1, "\(run.stdout)")
    }
    // Output counts come as they grow (at most once a second) and once more at the end.
    let counts = events.filter { $0.contains("\"event\":\"task-output\"") }
    #expect(counts.last?.hasSuffix("\"lines\":2}") == true, "\(run.stdout)")
    #expect(events.allSatisfy { $0.hasPrefix("{\"version\":1,\"event\":") }, "\(run.stdout)")
  }

  @Test func anUnwritableEventsPathIsBadInputAndNothingRuns() {
    let fixture = Self.fixture()
    let run = fixture.run(["--events", "/proc/no/such/events", "ok"])
    #expect(run.status == 2, "\(run.output)")
    #expect(run.stderr.contains("cannot write the events to `/proc/no/such/events`"))
    #expect(!run.output.contains("fine"))
  }

  @Test func anUnknownReportFormatIsBadInput() {
    let run = Self.fixture().run(["--report", "html=x.html", "ok"])
    #expect(run.status == 2, "\(run.output)")
    #expect(run.stderr.contains("--report"), "\(run.stderr)")
  }
}
