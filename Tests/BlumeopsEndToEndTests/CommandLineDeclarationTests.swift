import Testing

/// The command line as argument-parser declares it: help for every command, did-you-mean for
/// typos, runner options in their place, and completion past the first word.
@Suite struct CommandLineDeclarationTests {
  static let tasks = """
    tasks:
      deploy:
        description: Deploy one app
        args: [{name: app, choices: [grafana, forgejo]}]
        flags:
          env: {short: e, choices: [staging, production], help: Where to}
          prune: {type: bool, help: Delete what git no longer has}
        run: touch deployed
      lint: {run: 'true'}
    """

  @Test(arguments: [
    ["--help"], ["tasks", "--help"], ["tasks", "list", "--help"], ["tasks", "info", "--help"],
    ["tasks", "deps", "--help"], ["tasks", "validate", "--help"], ["run", "--help"],
    ["doctor", "--help"], ["history", "--help"], ["logs", "--help"], ["completion", "--help"],
    ["-n", "history", "-h"],
  ])
  func everyCommandAnswersHelpWithItsOwnUsage(_ words: [String]) {
    let run = Fixture(["tasks/main.yaml": Self.tasks]).run(words)
    #expect(run.status == 0, "\(run.output)")
    let command = words.filter { !$0.hasPrefix("-") }.joined(separator: " ")
    #expect(run.stdout.contains("USAGE: blumeops" + (command.isEmpty ? "" : " " + command)))
  }

  @Test func aRunnerOptionAfterTheTaskNameIsRefusedWithAHint() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let run = fixture.run(["deploy", "grafana", "--dry-run"])
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "`--dry-run` is a runner option: it goes before the task name, not after `deploy`"),
      "\(run.stderr)")
    #expect(run.stderr.contains("run `blumeops --dry-run deploy ...`"))
    #expect(!fixture.exists("deployed"))
  }

  @Test func typosGetADidYouMean() {
    let fixture = Fixture(["tasks/main.yaml": Self.tasks])
    let option = fixture.run(["--jbos", "2", "lint"])
    #expect(option.status == 2)
    #expect(option.stderr.contains("Did you mean '--jobs'?"), "\(option.stderr)")
    let nested = fixture.run(["tasks", "lst"])
    #expect(nested.status == 2)
    #expect(nested.stderr.contains("unknown subcommand `lst` of `blumeops tasks`"))
    #expect(nested.stderr.contains("did you mean `list`?"))
    let top = fixture.run(["histroy"])
    #expect(top.status == 2)
    #expect(top.stderr.contains("did you mean `history`?"), "\(top.stderr)")
    let value = fixture.run(["-j", "0", "lint"])
    #expect(value.status == 2)
    #expect(value.stderr.contains("--jobs must be a positive number"), "\(value.stderr)")
  }

  /// Real bash, the real script, blumeops answering its custom completions.
  @Test func bashCompletesTasksTheirFlagsAndChoicesAndHonoursDashC() {
    let fixture = Fixture([
      "tasks/main.yaml": Self.tasks,
      "other/tasks/main.yaml": "tasks:\n  elsewhere: {run: 'true'}\n",
      "complete.sh": """
      blumeops() { "$BLUMEOPS_BIN" "$@"; }
      source <(blumeops completion bash)
      COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
      read -ra COMP_WORDS <<< "$1"
      [[ "$1" == *" " ]] && COMP_WORDS+=("")
      COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
      _blumeops blumeops "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
      echo "${COMPREPLY[*]}"
      """,
    ])
    fixture.add(
      "tasks/complete.yaml",
      "tasks:\n  complete: {args: [{name: line}], run: 'bash complete.sh {{ line }}'}\n")
    func complete(_ line: String) -> String {
      let run = fixture.run(["-q", "complete", line])
      #expect(run.status == 0, "\(run.output)")
      return String(
        run.stdout.drop { $0 == "\n" }.reversed().drop { $0 == "\n" || $0 == " " }.reversed())
    }
    #expect(complete("blumeops dep") == "deploy")
    #expect(complete("blumeops deploy ") == "--env -e --prune grafana forgejo")
    #expect(complete("blumeops deploy --env ") == "staging production")
    #expect(complete("blumeops deploy --p") == "--prune", "no runner option after the task")
    #expect(complete("blumeops -C other el") == "elsewhere")
    #expect(complete("blumeops tasks info li") == "lint")
    #expect(complete("blumeops run lint ::: dep") == "deploy")
    #expect(complete("blumeops --dry") == "--dry-run")
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func everyShellGetsAScriptFromTheOneDeclaration(_ shell: String) {
    let run = Fixture([:]).run(["completion", shell])
    #expect(run.status == 0)
    for word in ["blumeops", "---completion", "dry-run", "tasks", "history"] {
      #expect(run.stdout.contains(word), "\(shell): \(word)")
    }
  }
}
