import Glibc
import Testing

private var interactiveShellsAvailable: Bool {
  getenv("CI") != nil
    || ["zsh", "fish", "tmux"].allSatisfy { access("/usr/bin/" + $0, X_OK) == 0 }
}

/// zsh and fish, interactive in a real terminal (tmux), with the scripts `blumeops completion`
/// prints: the same completions past the first word as bash. Skipped where zsh, fish or tmux is
/// not installed, except in CI, which installs them.
@Suite(.enabled(if: interactiveShellsAvailable))
struct ShellCompletionTests {
  /// Types `$LINE` and a Tab into an interactive shell, waits (bounded) until every word of
  /// `$EXPECTED` shows on the screen, and prints the screen below the command line.
  static let driver = """
    shell=$1; line=$LINE; expected=$EXPECTED
    socket=blumeops-completion-$$
    export PATH="$(dirname "$BLUMEOPS_BIN"):$PATH"
    case $shell in
      zsh)
        mkdir -p zfunc; blumeops completion zsh > zfunc/_blumeops
        start="zsh -f -i"
        setup="fpath=($PWD/zfunc \\$fpath); autoload -Uz compinit; compinit -u -D; PS1='> '" ;;
      fish)
        blumeops completion fish > blumeops.fish
        start="fish --no-config -i"
        setup="source $PWD/blumeops.fish; function fish_prompt; echo '> '; end" ;;
    esac
    tmux -L "$socket" -f /dev/null new-session -d -x 220 -y 60 "$start"
    trap 'tmux -L "$socket" kill-server' EXIT
    screen() { tmux -L "$socket" capture-pane -p; }
    shows() { for word in $1; do screen | grep -q -- "$word" || return 1; done; }
    settle() { for _ in $(seq 1 300); do shows "$1" && return 0; sleep 0.05; done; return 1; }
    tmux -L "$socket" send-keys "$setup; clear; echo READY" Enter
    settle READY || { echo "shell did not start"; screen; exit 1; }
    tmux -L "$socket" send-keys "$line" Tab
    settle "$expected" || { echo "timed out waiting for: $expected"; screen; exit 1; }
    # Below the READY line; all of it once a long completion list has scrolled READY away.
    shown=$(screen)
    if grep -q '^READY' <<< "$shown"; then sed -n '/^READY/,$p' <<< "$shown" | sed 1d
    else printf '%s\n' "$shown"; fi
    """

  @Test(arguments: ["zsh", "fish"])
  func completesTasksTheirFlagsAndChoicesPastTheFirstWord(_ shell: String) {
    let fixture = Fixture([
      "tasks/main.yaml": CommandLineDeclarationTests.tasks, "drive.sh": Self.driver,
      "other/tasks/main.yaml": "tasks:\n  elsewhere: {run: 'true'}\n",
    ])
    fixture.add(
      "tasks/complete.yaml",
      """
      tasks:
        complete:
          args: [{name: shell}]
          run: bash drive.sh {{ shell }}
      """)
    func screen(_ line: String, showing expected: String) -> String {
      // Through the environment: words such as `--env` would be read as the task's options.
      let run = fixture.run(
        ["-q", "complete", shell], environment: ["LINE": line, "EXPECTED": expected])
      #expect(run.status == 0, "\(run.output)")
      return run.stdout
    }
    let top = screen("blumeops ", showing: "deploy lint history")
    #expect(top.contains("tasks"), "\(shell): \(top)")
    let task = screen("blumeops deploy ", showing: "--env --prune grafana forgejo")
    #expect(!task.contains("--dry-run"), "\(shell): no runner option after the task: \(task)")
    #expect(!task.contains("history"), "\(shell): no subcommand after the task: \(task)")
    let choices = screen("blumeops deploy --env ", showing: "staging production")
    #expect(!choices.contains("grafana"), "\(shell): \(choices)")
    let afterOptions = screen("blumeops -n deploy --", showing: "--env --prune")
    #expect(!afterOptions.contains("--dry-run"), "\(shell): \(afterOptions)")
    _ = screen("blumeops -C other ", showing: "elsewhere")
    _ = screen("blumeops tasks info ", showing: "deploy lint")
    let options = screen("blumeops --", showing: "--dry-run --jobs")
    #expect(options.contains("--keep-going"), "\(shell): \(options)")
  }
}
