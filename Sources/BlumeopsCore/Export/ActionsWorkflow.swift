/// `blumeops export actions TASK`: the plan as a Forgejo/GitHub Actions workflow, one job per
/// task (or per group, its tasks as steps in an order that keeps their edges), `needs:` equal
/// to the plan's edges, each job checking out the repository and running `blumeops --only`
/// for its tasks. Secrets stay references: a job gets `${{ secrets.NAME }}` for a
/// task's `env:NAME` source and the 1Password service account token for its `op://` ones, and
/// blumeops resolves them where the job runs.
public struct ActionsWorkflow {
  public var plan: Plan
  /// The command line that made it, for the header comment.
  public var command: String
  /// The workflow's name.
  public var name: String
  public var runsOn: String
  /// Shell commands that make blumeops (and what the tasks require) available on the runner.
  public var setup: [String]
  public var groups: [ExportGroup]

  public init(
    plan: Plan, command: String, name: String, runsOn: String, setup: [String],
    groups: [ExportGroup] = []
  ) {
    self.plan = plan
    self.groups = groups
    self.command = command
    self.name = name
    self.runsOn = runsOn
    self.setup = setup
  }

  /// Job ids: letters, digits, `-` and `_`, starting with a letter or `_`.
  static func allowed(_ character: Character) -> Bool {
    character.isASCII
      && (character.isLetter || character.isNumber || character == "-" || character == "_")
  }

  public func yaml() throws(BlumeopsError) -> String {
    let jobs = try ExportedJobs(
      plan, groups: groups, allowed: Self.allowed, replacement: "_", lowercase: false
    ).jobs
    var lines: WorkflowText = [
      "# Made by `\(command)`: one job per task of its plan"
        + (groups.isEmpty ? "" : " or group") + ", `needs` as the plan's edges.",
      "name: \(YAMLText.quoted(name))",
      "on:",
      "  push:",
      "  workflow_dispatch:",
      "jobs:",
    ]
    lines.reserve(lines: jobs.count * 12)
    for job in jobs {
      lines.append("  \(job.id):")
      lines.append("    name: \(YAMLText.quoted(job.label))")
      lines.append("    runs-on: \(YAMLText.quoted(runsOn))")
      let needs = job.needs + job.after
      if !needs.isEmpty {
        lines.append("    needs: " + YAMLText.list(needs.map { jobs[$0].id }))
      }
      if !job.after.isEmpty {
        // A `depends_post` task runs after the tasks it follows whatever their result, but
        // only once its own dependencies succeeded.
        let conditions =
          ["!cancelled()"] + job.needs.map { "needs.\(jobs[$0].id).result == 'success'" }
        lines.append("    if: ${{ \(conditions.joined(separator: " && ")) }}")
      }
      lines.append("    steps:")
      lines.append("      - uses: actions/checkout@v4")
      for command in setup {
        lines.append("      - run: \(YAMLText.quoted(command))")
      }
      let variables =
        (job.readsOnePassword ? ["OP_SERVICE_ACCOUNT_TOKEN"] : [])
        + job.secretVariables.filter(Self.isSecretName)
      for task in job.tasks {
        lines.append("      - name: \(YAMLText.quoted(task))")
        lines.append("        run: \(YAMLText.quoted(ExportedJobs.Job.command(task)))")
        if !variables.isEmpty {
          lines.append("        env:")
          for name in variables {
            lines.append("          \(name): ${{ secrets.\(name) }}")
          }
        }
      }
    }
    return lines.text
  }

  /// Names a repository secret can have: not `GITHUB_`-prefixed, letters, digits and `_`.
  static func isSecretName(_ name: String) -> Bool {
    guard let first = name.first, first.isLetter || first == "_", !name.hasPrefix("GITHUB_")
    else { return false }
    return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
  }
}
