import Testing

/// `blumeops export actions|argo`: the exported edges equal `tasks deps --json` for the
/// repository's `ci` and a generated 10,000-task DAG; actionlint passes on the workflow and the
/// Argo `Workflow` validates against Argo's JSON schema (schemas/argo-workflows.schema.json).
@Suite struct ExportTests {
  /// Compares the edges of an export with `tasks deps --json`: prints `ok N` or the difference.
  /// ruamel.yaml comes with check-jsonschema; `.ci/run` also installs PyYAML.
  static let edgeChecker = """
    import json, sys
    try:  # PyYAML on libyaml reads the 10,000-job workflow in seconds, ruamel.yaml in many more
        import yaml
        load = lambda f: yaml.load(f, Loader=yaml.CSafeLoader)
    except (ImportError, AttributeError):
        from ruamel.yaml import YAML
        load = YAML(typ='safe').load
    kind, deps_path, export_path = sys.argv[1:4]
    deps = json.load(open(deps_path))['tasks']
    expected = {(t, d) for t, e in deps.items() for d in e['depends']}
    expected |= {(p, t) for t, e in deps.items() for p in e['depends_post']}
    doc = load(open(export_path))
    job_of, edges = {}, set()  # task -> job id; edges between job ids
    if kind == 'actions':
        for id, job in doc['jobs'].items():
            runs = [s['run'] for s in job['steps'] if s.get('run', '').startswith('blumeops --only ')]
            assert runs, job
            for run in runs:
                job_of[run[len('blumeops --only '):]] = id
            edges |= {(id, n) for n in job.get('needs', [])}
    else:
        for t in doc['spec']['templates'][0]['dag']['tasks']:
            words = t['arguments']['parameters'][0]['value']
            for task in (words[4:].split(' ::: ') if words.startswith('run ') else [words]):
                job_of[task] = t['name']
            edges |= {(t['name'], n) for n in t.get('dependencies', [])}
    names = set(job_of)
    expected = {(job_of.get(a), job_of.get(b)) for a, b in expected if job_of.get(a) != job_of.get(b)}
    if names != set(deps) or edges != expected:
        print('names only exported:', sorted(names - set(deps))[:5], 'only in deps:', sorted(set(deps) - names)[:5])
        print('edges only exported:', sorted(edges - expected)[:5], 'only in deps:', sorted(expected - edges)[:5])
        sys.exit(1)
    print('ok', len(edges))

    """

  /// The benchmark's DAG: t_i depends on t_{i-1}, t_{i/2} and t_{i/3}; `top` on the last.
  static func generatedDAG(count: Int) -> Fixture {
    var text = "tasks:\n"
    for index in 0..<count {
      let dependencies = Set([index - 1, index / 2, index / 3].filter { $0 >= 0 && $0 < index })
      let list = dependencies.sorted().map { "t\($0)" }.joined(separator: ", ")
      text += "  t\(index): {run: 'true'" + (list.isEmpty ? "" : ", depends: [\(list)]") + "}\n"
    }
    text += "  top: {depends: [t\(count - 1)]}\n"
    let fixture = Fixture(["tasks/dag.yaml": text])
    fixture.add("edges.py", edgeChecker)
    return fixture
  }

  static func repository() -> Fixture {
    let fixture = Fixture([:])
    fixture.add("edges.py", edgeChecker)
    return fixture
  }

  /// Exports `task` both ways and compares each with `tasks deps --json` (edges between the
  /// jobs of tasks when `exportOptions` groups them).
  static func expectEdgesMatch(
    _ fixture: Fixture, _ options: [String], task: String, exportOptions: [String] = []
  ) {
    let deps = fixture.run(options + ["tasks", "deps", "--json", task])
    #expect(deps.status == 0, "\(deps.stderr)")
    fixture.add("deps.json", deps.stdout)
    for kind in ["actions", "argo"] {
      let export = fixture.run(options + ["export", kind] + exportOptions + [task])
      #expect(export.status == 0, "\(export.stderr)")
      fixture.add("\(kind).yaml", export.stdout)
      let check = ExternalTool.run(
        "python3 edges.py \(kind) deps.json \(kind).yaml", in: fixture.root)
      #expect(check.status == 0 && check.stdout.hasPrefix("ok "), "\(kind): \(check.output)")
    }
  }

  @Test(.enabled(if: ExternalTool.enabled("check-jsonschema"), "needs python3 with ruamel.yaml"))
  func theExportedEdgesOfCIEqualItsDependencyGraph() {
    Self.expectEdgesMatch(Self.repository(), ["-C", Repository.root], task: "ci")
  }

  @Test(.enabled(if: ExternalTool.enabled("check-jsonschema"), "needs python3 with ruamel.yaml"))
  func theExportedEdgesOfATenThousandTaskDAGEqualItsDependencyGraph() {
    Self.expectEdgesMatch(Self.generatedDAG(count: 10_000), [], task: "top")
  }

  @Test(.enabled(if: ExternalTool.enabled("check-jsonschema"), "needs python3 with ruamel.yaml"))
  func groupedExportsKeepTheEdgesBetweenTheirJobs() {
    Self.expectEdgesMatch(
      Self.repository(), ["-C", Repository.root], task: "ci",
      exportOptions: ["--group", "checks=*-check", "--group", "gate=format,tasks-validate"])
    Self.expectEdgesMatch(
      Self.generatedDAG(count: 2_000), [], task: "top",
      exportOptions: ["--group", "head=t0,t1,t2,t3", "--group", "tail=t1998,t1999,top"])
  }

  /// The words an Argo group runs are a blumeops command line that runs its tasks, and only
  /// them, in the order of their edges.
  @Test func aGroupsOwnCommandRunsItsTasksAndNotTheirDependencies() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        prepare: {run: echo prepare >> ran}
        check: {run: echo check >> ran, depends: [prepare]}
        lint: {run: echo lint >> ran, depends: [check]}
        all: {depends: [lint, check]}
      """
    ])
    let argo = fixture.run(["export", "argo", "--group", "checks=lint,check", "all"])
    #expect(argo.status == 0, "\(argo.stderr)")
    #expect(argo.stdout.contains("value: \"run check ::: lint\""), "\(argo.stdout)")
    let run = fixture.run(["--only", "run", "check", ":::", "lint"])
    #expect(run.status == 0, "\(run.output)")
    #expect(fixture.read("ran") == "check\nlint\n")
  }

  @Test func aGroupThatWouldWaitForItselfIsBadInput() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        a: {run: 'true'}
        b: {run: 'true', depends: [a]}
        c: {run: 'true', depends: [b]}
      """
    ])
    let export = fixture.run(["export", "actions", "--group", "ends=a,c", "c"])
    #expect(export.status == 2)
    #expect(export.stdout.isEmpty)
    #expect(
      export.stderr.contains(
        "cannot export group `ends`: its job would wait for itself: group `ends` → `b` → group `ends`"
      ), "\(export.stderr)")
    #expect(export.stderr.contains("put the tasks between them in the group too"))
  }

  @Test(.enabled(if: ExternalTool.enabled("actionlint"), "actionlint is not installed"))
  func actionlintPassesOnTheExportedWorkflows() {
    let fixture = Self.generatedDAG(count: 10_000)
    let big = fixture.run(["export", "actions", "--setup", "pip install blumeops", "top"])
    fixture.add("big.yaml", big.stdout)
    let ci = fixture.run(["-C", Repository.root, "export", "actions", "ci"])
    fixture.add("ci.yaml", ci.stdout)
    let secrets = fixture.run(["-C", Repository.root, "export", "actions", "tailnet-up"])
    fixture.add("secrets.yaml", secrets.stdout)
    let grouped = fixture.run(
      ["-C", Repository.root, "export", "actions", "--group", "checks=*-check", "ci"])
    #expect(grouped.status == 0, "\(grouped.stderr)")
    fixture.add("grouped.yaml", grouped.stdout)
    let lint = ExternalTool.run(
      "actionlint -shellcheck= -pyflakes= big.yaml ci.yaml secrets.yaml grouped.yaml",
      in: fixture.root)
    #expect(lint.status == 0, "\(lint.output)")
  }

  @Test(.enabled(if: ExternalTool.enabled("check-jsonschema"), "check-jsonschema is not installed"))
  func theArgoWorkflowValidatesAgainstArgosSchema() {
    let fixture = Self.repository()
    let ci = fixture.run(
      ["-C", Repository.root, "export", "argo", "--image", "zot.example/blumeops:1", "ci"])
    #expect(ci.status == 0, "\(ci.stderr)")
    fixture.add("ci.yaml", ci.stdout)
    let grouped = fixture.run(
      ["-C", Repository.root, "export", "argo", "--group", "checks=*-check", "ci"])
    #expect(grouped.status == 0, "\(grouped.stderr)")
    fixture.add("grouped.yaml", grouped.stdout)
    let post = Fixture([
      "tasks/main.yaml": """
      tasks:
        deploy: {run: echo deploy, depends: [build], depends_post: [cleanup]}
        build: {run: echo build}
        cleanup: {run: echo clean, secrets: {TOKEN: ['env:TOKEN', 'op://v/i/f']}}
      """
    ]).run(["export", "argo", "--repo", "https://example.org/r.git", "deploy"])
    #expect(
      post.stdout.contains("depends: \"(deploy.Succeeded || deploy.Failed)\""), "\(post.stdout)")
    fixture.add("post.yaml", post.stdout)
    let schema = Repository.root + "/schemas/argo-workflows.schema.json"
    let check = ExternalTool.run(
      "check-jsonschema --schemafile '\(schema)' ci.yaml grouped.yaml post.yaml", in: fixture.root)
    #expect(check.status == 0, "\(check.output)")
  }

  @Test func aSecretIsNeverInlinedOnlyReferenced() {
    let fixture = Fixture(
      [
        "tasks/main.yaml": """
        tasks:
          up: {run: pulumi up, secrets: {TOKEN: ['env:MY_TOKEN', 'op://vault/item/field']}}
        """
      ], fakeTools: ["op": 0])
    let environment = ["MY_TOKEN": "hunter2-value"]
    let actions = fixture.run(["export", "actions", "up"], environment: environment)
    #expect(actions.stdout.contains("MY_TOKEN: ${{ secrets.MY_TOKEN }}"), "\(actions.stdout)")
    #expect(
      actions.stdout.contains("OP_SERVICE_ACCOUNT_TOKEN: ${{ secrets.OP_SERVICE_ACCOUNT_TOKEN }}"))
    let argo = fixture.run(["export", "argo", "up"], environment: environment)
    #expect(argo.stdout.contains("key: \"MY_TOKEN\""), "\(argo.stdout)")
    for output in [actions.output, argo.output] {
      #expect(!output.contains("hunter2"))
    }
    #expect(fixture.calls.isEmpty, "no secret is resolved: \(fixture.calls)")
  }

  @Test func jobNamesAreMadeValidAndUnique() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        "docs:check": {run: 'true'}
        docs_check: {run: 'true'}
        all: {depends: ["docs:check", docs_check]}
      """
    ])
    let actions = fixture.run(["export", "actions", "all"])
    #expect(
      actions.stdout.contains("needs: [\"docs_check\", \"docs_check_2\"]"), "\(actions.stdout)")
    let argo = fixture.run(["export", "argo", "all"])
    #expect(
      argo.stdout.contains("dependencies: [\"docs-check\", \"docs-check-2\"]"), "\(argo.stdout)")
  }

  @Test func anUnknownTaskIsBadInput() {
    let run = Fixture(["tasks/main.yaml": "tasks:\n  build: {run: 'true'}\n"]).run(
      ["export", "actions", "biuld"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("did you mean `build`?"), "\(run.stderr)")
  }

  @Test func onlyRunsTheNamedTaskAndNotItsDependencies() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        build: {run: echo building}
        deploy: {run: echo deploying, depends: [build], depends_post: [cleanup]}
        cleanup: {run: echo cleaning}
      """
    ])
    let run = fixture.run(["--only", "deploy"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("deploying"))
    #expect(!run.stdout.contains("building") && !run.stdout.contains("cleaning"), "\(run.stdout)")
    let all = fixture.run(["deploy"])
    #expect(all.stdout.contains("building") && all.stdout.contains("cleaning"))
  }
}
