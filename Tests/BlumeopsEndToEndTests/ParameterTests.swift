import Testing

@Suite struct ParameterTests {
  @Test func aHostileValueReachesTheCommandAsOneLiteralArgument() {
    let fixture = Fixture([
      "tasks/main.yaml": "tasks:\n  show: {args: [value], run: 'printf \"[%s]\\n\" {{ value }}'}\n"
    ])
    let hostile = "$(touch pwned); rm -rf ~"
    let run = fixture.run(["show", hostile])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("[\(hostile)]"))
    #expect(!fixture.exists("pwned"))
  }

  @Test func passThroughArgumentsReachTheLastStepQuoted() {
    let fixture = Fixture(
      ["tasks/main.yaml": "tasks:\n  provision: {run: [echo first, ansible-playbook site.yml]}\n"],
      fakeTools: ["ansible-playbook": 0])
    let run = fixture.run(["provision", "--", "--tags", "caddy zot", "--check"])
    #expect(run.status == 0, "\(run.output)")
    #expect(
      fixture.calls.hasPrefix(
        "ansible-playbook|\(fixture.root)|site.yml|--tags|caddy zot|--check\n"))
  }

  @Test func flagsAndArgsAreAlsoUsageVariables() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        review:
          args: [{name: path, default: docs}]
          flags: {limit: {type: int, default: "15", short: l}, dry-run: {type: bool}}
          run: 'echo "$usage_path $usage_limit $usage_dry_run"'
      """
    ])
    let run = fixture.run(["review", "-l", "3", "--dry-run"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("docs 3 true"))
  }

  @Test func aMiseFileTaskGetsItsUsageVariables() {
    let fixture = Fixture([
      "tasks/review*": """
      #!/usr/bin/env bash
      #MISE description="Review the docs"
      #MISE alias="rv"
      #USAGE flag "-l --limit <limit>" default="15" help="How many"
      #USAGE arg "[folder]" default="docs"
      echo "limit=$usage_limit folder=$usage_folder args=$*"
      """
    ])
    let run = fixture.run(["rv", "--limit", "4", "how-to"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("limit=4 folder=how-to args=--limit 4 how-to"))
    let list = fixture.run(["tasks"])
    #expect(list.stdout.contains("review (rv)  Review the docs"))
  }

  @Test func perTaskHelpComesFromItsParameters() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        argocd-sync:
          description: Sync one Argo CD application
          args: [{name: app, help: The application, choices: [grafana, forgejo]}]
          flags: {prune: {type: bool, help: Delete resources no longer in git}}
          run: echo
      """
    ])
    let run = fixture.run(["argocd-sync", "--help"])
    #expect(run.status == 0)
    #expect(
      run.stdout == """
        Sync one Argo CD application

        usage: blumeops argocd-sync [flags] <app> [-- pass-through...]

        arguments:
          <app>  The application; one of: grafana, forgejo

        flags:
              --prune  Delete resources no longer in git

        defined at tasks/main.yaml:2:3

        """)
  }

  @Test func aBadArgumentIsExitTwoWithAHint() {
    let fixture = Fixture([
      "tasks/main.yaml":
        "tasks:\n  sync: {args: [{name: app, choices: [grafana]}], run: touch ran}\n"
    ])
    let run = fixture.run(["sync", "grafna"])
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "invalid value `grafna` for `<app>` of task `sync`: expected one of `grafana`"))
    #expect(run.stderr.contains("help: see `blumeops sync --help`"))
    #expect(!fixture.exists("ran"))
  }
}
