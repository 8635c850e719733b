import Testing

/// Every `--json` / `--format json` output, pinned by a golden file
/// (`Golden/json-*.json`; `BLUMEOPS_RECORD_GOLDEN=1` records them). Each starts with
/// `"version": 1`; `docs/reference/json-output.md` documents the fields.
@Suite struct JSONOutputTests {
  static let tasks = """
    # yaml-language-server: $schema=./schema.json
    env:
      REGION: eu
    tasks:
      build:
        description: Build it
        aliases: [b]
        requires: ["bash>=3"]
        sources: [src/*.c]
        outputs: [out/app]
        run: echo building
      lint:
        hidden: true
        run: [{exec: [true]}]
      deploy:
        description: Deploy to a stage
        depends: [build, {task: lint}]
        depends_post: [notify]
        dir: .
        env: {MODE: fast}
        args: [{name: stage, choices: [dev, prod], help: Where to deploy}]
        flags:
          dry: {type: bool, short: d, help: Only show}
          level: {type: int, default: "2", env: LEVEL}
        secrets: {TOKEN: [env:DEPLOY_TOKEN, op://vault/deploy/token]}
        preconditions: [{sh: 'true', message: never fails}]
        confirm: {message: Deploy to the stage?, expect: deploy}
        timeout: 90s
        retry: {attempts: 3, delay: 0s, backoff: 2}
        lock: deploys
        preview: [{sh: echo previewing, capture: PLAN}]
        run:
          - {sh: 'echo {{ stage }}', if: 'true', allow_failure: true}
          - {task: notify, args: [done]}
          - {builtin: docs-check, with: {format: json}}
      notify:
        args: [{name: what, default: started}]
        run: echo notify
      docs-check:
        builtin: docs-check
        flags: {format: {default: text, choices: [text, json]}}
    """

  static func fixture() -> Fixture {
    Fixture([
      "tasks/main.yaml": tasks,
      "docs/index.md": "---\ntitle: Home\nmodified: 2026-01-01\ntags: []\n---\n[[gone]]\n",
    ])
  }

  /// Times, durations and run ids change with each run; the fixture's path with each test.
  static func normalized(_ text: String, root: String) -> String {
    text.replacing(root, with: "<root>")
      .replacing(#/"\d{8}-\d{6}-\d{3}-\d+"/#, with: "\"<id>\"")
      .replacing(#/"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/#, with: "\"<time>\"")
      .replacing(#/"duration": [0-9.]+/#, with: "\"duration\": <seconds>")
      .replacing(#/"(user|host)": "[^"]*"/#) { "\"\($0.1)\": \"<\($0.1)>\"" }
  }

  func check(_ fixture: Fixture, _ arguments: [String], status: Int32 = 0, golden: String)
    throws
  {
    let run = fixture.run(arguments)
    #expect(run.status == status, "\(run.output)")
    #expect(run.stdout.hasPrefix("{\n  \"version\": 1,\n"), "\(run.stdout)")
    try Golden.check(Self.normalized(run.stdout, root: fixture.root), named: golden)
  }

  @Test func tasksList() throws {
    try check(Self.fixture(), ["tasks", "--hidden", "--json"], golden: "json-tasks.json")
  }

  @Test func tasksInfoHoldsEverythingTheTextShows() throws {
    try check(
      Self.fixture(), ["tasks", "info", "deploy", "--json"], golden: "json-tasks-info.json")
  }

  @Test func tasksInfoTextShowsThePreviewStepsToo() {
    let run = Self.fixture().run(["tasks", "info", "deploy"])
    #expect(run.status == 0)
    #expect(
      run.stdout.contains("\npreview 1     echo previewing  [capture PLAN]\n"), "\(run.stdout)")
  }

  @Test func tasksDeps() throws {
    try check(
      Self.fixture(), ["tasks", "deps", "deploy", "--json"], golden: "json-tasks-deps.json")
  }

  @Test func tasksValidateGivesEachProblemItsLocation() throws {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        history: echo shadowed
        deploy: {descripton: x, run: echo}
      """
    ])
    try check(
      fixture, ["tasks", "validate", "--json"], status: 2, golden: "json-tasks-validate.json")
  }

  @Test func historyIsNewestFirstWithTaskAndArgumentsApart() throws {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        greet: {args: [who], flags: {loud: {type: bool}}, run: 'echo {{ who }}'}
        fail: {run: 'false'}
      """
    ])
    #expect(fixture.run(["greet", "--loud", "big world"]).status == 0)
    #expect(fixture.run(["fail"]).status == 1)
    try check(fixture, ["history", "--json"], golden: "json-history.json")
  }

  @Test func doctor() throws {
    let fixture = Fixture(
      [
        "tasks/main.yaml": """
        tasks:
          deploy:
            requires: ["pulumi>=3", kubectl, no-such-tool]
            preconditions: [{sh: 'true', message: never fails}, {sh: 'false', message: always fails}]
            run: echo
        """
      ], fakeTools: ["pulumi": 0, "kubectl": 0])
    let run = fixture.run(
      ["doctor", "--json"],
      environment: ["FAKE_PULUMI_OUTPUT": "v3.112.0", "FAKE_KUBECTL_OUTPUT": "v1.31.2"])
    #expect(run.status == 3, "\(run.output)")
    try Golden.check(Self.normalized(run.stdout, root: fixture.root), named: "json-doctor.json")
  }

  @Test func docsCheck() throws {
    try check(
      Self.fixture(), ["docs-check", "--format", "json"], status: 1, golden: "json-docs-check.json")
  }
}
