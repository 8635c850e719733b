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
    edges, names = set(), set()
    if kind == 'actions':
        jobs = doc['jobs']
        label = {id: job['name'] for id, job in jobs.items()}
        for id, job in jobs.items():
            names.add(label[id])
            assert job['steps'][-1]['run'] == 'blumeops --only ' + label[id], job
            edges |= {(label[id], label[n]) for n in job.get('needs', [])}
    else:
        tasks = doc['spec']['templates'][0]['dag']['tasks']
        label = {t['name']: t['arguments']['parameters'][0]['value'] for t in tasks}
        for t in tasks:
            names.add(label[t['name']])
            edges |= {(label[t['name']], label[n]) for n in t.get('dependencies', [])}
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

  /// Exports `task` both ways and compares each with `tasks deps --json`.
  static func expectEdgesMatch(_ fixture: Fixture, _ options: [String], task: String) {
    let deps = fixture.run(options + ["tasks", "deps", "--json", task])
    #expect(deps.status == 0, "\(deps.stderr)")
    fixture.add("deps.json", deps.stdout)
    for kind in ["actions", "argo"] {
      let export = fixture.run(options + ["export", kind, task])
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

  @Test(.enabled(if: ExternalTool.enabled("actionlint"), "actionlint is not installed"))
  func actionlintPassesOnTheExportedWorkflows() {
    let fixture = Self.generatedDAG(count: 10_000)
    let big = fixture.run(["export", "actions", "--setup", "pip install blumeops", "top"])
    fixture.add("big.yaml", big.stdout)
    let ci = fixture.run(["-C", Repository.root, "export", "actions", "ci"])
    fixture.add("ci.yaml", ci.stdout)
    let secrets = fixture.run(["-C", Repository.root, "export", "actions", "tailnet-up"])
    fixture.add("secrets.yaml", secrets.stdout)
    let lint = ExternalTool.run(
      "actionlint -shellcheck= -pyflakes= big.yaml ci.yaml secrets.yaml", in: fixture.root)
    #expect(lint.status == 0, "\(lint.output)")
  }

  @Test(.enabled(if: ExternalTool.enabled("check-jsonschema"), "check-jsonschema is not installed"))
  func theArgoWorkflowValidatesAgainstArgosSchema() {
    let fixture = Self.repository()
    let ci = fixture.run(
      ["-C", Repository.root, "export", "argo", "--image", "zot.example/blumeops:1", "ci"])
    #expect(ci.status == 0, "\(ci.stderr)")
    fixture.add("ci.yaml", ci.stdout)
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
      "check-jsonschema --schemafile '\(schema)' ci.yaml post.yaml", in: fixture.root)
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
