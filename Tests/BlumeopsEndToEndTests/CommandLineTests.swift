import Testing

@Suite struct CommandLineTests {
  static let tasks = """
    env: {TAILSCALE_TAILNET: tail8d86e.ts.net}
    tasks:
      lint: {description: Lint everything, run: echo lint}
      test: {description: Run the tests, depends: [lint], run: echo test, aliases: [t]}
      secret-job: {hidden: true, run: echo hidden}
      ci: {description: What CI runs, depends: [test], depends_post: [secret-job]}
    """

  @Test func versionPrintsTheVersion() {
    for word in ["--version", "-V"] {
      let run = Fixture([:]).run([word])
      #expect(run.status == 0)
      #expect(run.stdout.hasPrefix("blumeops "))
    }
    #expect(Fixture([:]).run(["--help"]).stdout.contains("  -V, --version "))
  }

  @Test func tasksListsVisibleTasksAligned() {
    let run = Fixture(["tasks/main.yaml": Self.tasks]).run(["tasks"])
    #expect(
      run.stdout
        == "  ci        What CI runs\n  lint      Lint everything\n  test (t)  Run the tests\n")
    let hidden = Fixture(["tasks/main.yaml": Self.tasks]).run(["tasks", "--hidden", "--json"])
    #expect(hidden.stdout.contains("\"name\": \"secret-job\""))
  }

  /// The listing's flags in any order, with or without `list`, read without the parser; anything
  /// else still goes through it and gets its usage errors.
  @Test func theListingReadsItsFlagsInAnyForm() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let every = fixture.run(["tasks", "--hidden", "--json"])
    #expect(every.status == 0)
    for words in [["tasks", "--json", "--hidden"], ["tasks", "list", "--hidden", "--json"]] {
      #expect(fixture.run(words).stdout == every.stdout, "\(words)")
    }
    let json = fixture.run(["tasks", "--json"])
    #expect(json.stdout.contains("\"name\": \"ci\""))
    #expect(!json.stdout.contains("secret-job"))
    #expect(fixture.run(["tasks", "list"]).stdout == fixture.run(["tasks"]).stdout)
    let typo = fixture.run(["tasks", "--jsn"])
    #expect(typo.status == 2, "\(typo.output)")
    #expect(typo.stderr.contains("--jsn"), "\(typo.stderr)")
    let twice = fixture.run(["tasks", "--json", "list"])
    #expect(twice.status == 2, "\(twice.output)")
  }

  @Test func depsDrawsATreeAndOtherFormats() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    #expect(
      fixture.run(["tasks", "deps", "ci"]).stdout
        == "ci\n├── test\n│   └── lint\n└── secret-job (after)\n")
    #expect(fixture.run(["tasks", "deps", "ci", "--dot"]).stdout.contains("\"ci\" -> \"test\";"))
    #expect(fixture.run(["tasks", "deps", "ci", "--mermaid"]).stdout.hasPrefix("graph LR\n"))
    #expect(
      fixture.run(["tasks", "deps", "ci", "--json"]).stdout.contains(
        "\"depends_post\": [\n        \"secret-job\""))
  }

  @Test func infoShowsWhereATaskIsDefined() {
    let run = Fixture(["tasks/main.yaml": Self.tasks]).run(["tasks", "info", "t"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("defined at   tasks/main.yaml:4:3"))
    #expect(run.stdout.contains("env          TAILSCALE_TAILNET=tail8d86e.ts.net"))
  }

  @Test func validateIsCleanOrExitsTwo() {
    #expect(
      Fixture(["tasks/main.yaml": Self.tasks]).run(["tasks", "validate"]).stdout
        == "ok: 4 tasks in 1 file\n")
    let shadowed = Fixture(["tasks/main.yaml": "tasks:\n  history: echo\n"]).run([
      "tasks", "validate",
    ])
    #expect(shadowed.status == 0)
    #expect(shadowed.stderr.contains("warning: task `history`"))
    #expect(
      Fixture(["tasks/main.yaml": "tasks:\n  history: {run: touch ran}\n"]).run(["run", "history"])
        .status == 0)
  }

  @Test func dryRunPrintsWavesAndRunsNothing() {
    let fixture = Fixture(
      [
        "tasks/main.yaml": """
        tasks:
          prepare: {run: touch prepared}
          deploy:
            depends: [prepare]
            requires: [definitely-not-installed-tool]
            secrets: {TOKEN: [env:DEPLOY_TOKEN, "op://blumeops/deploy/token"]}
            confirm: {message: Deploy now?, expect: prod}
            args: [target]
            run: 'deploy-to {{ target }}'
        """
      ], fakeTools: ["op": 0])
    let run = fixture.run(["-n", "deploy", "prod eu"])
    #expect(run.status == 0, "\(run.output)")
    #expect(
      run.stdout == """
        plan: 2 tasks in 2 waves (dry run: nothing runs)
        wave 1
          prepare
            $ touch prepared
        wave 2
          deploy 'prod eu'
            env: usage_target
            secret: TOKEN ← env:DEPLOY_TOKEN, then op://blumeops/deploy/token
            requires: definitely-not-installed-tool
            confirm: Deploy now? (type `prod`)
            $ deploy-to 'prod eu'
        warning: `definitely-not-installed-tool` is not on PATH (needed by task `deploy`)

        """)
    #expect(!fixture.exists("prepared"))
    #expect(fixture.calls.isEmpty, "a dry run never calls op")
  }

  @Test func theProjectRootIsFoundFromInsideAnAnsibleRole() {
    let fixture = Fixture([
      "tasks/main.yaml": "tasks:\n  where: {run: pwd}\n",
      "ansible/roles/caddy/tasks/main.yml":
        "- name: Install caddy\n  ansible.builtin.package: {name: caddy}\n",
    ])
    let run = fixture.run(["where"], in: "ansible/roles/caddy/tasks")
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.hasPrefix(fixture.root + "\n"))
  }

  @Test func completionScriptsNameTheCommand() {
    let run = Fixture([:]).run(["completion", "bash"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("blumeops"))
    #expect(Fixture([:]).run(["completion", "tcsh"]).status == 2)
  }
}
