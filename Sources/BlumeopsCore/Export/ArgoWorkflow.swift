/// `blumeops export argo TASK`: the plan as an Argo Workflows `Workflow` whose `dag` template
/// holds one task per plan node (or per group, which runs its tasks in one blumeops run) with
/// the plan's edges as `dependencies`. Each runs `blumeops --only` its tasks in `image`, in a checkout of the repository (a git artifact of
/// the workflow's `repo` and `revision` parameters). Secrets stay references: blumeops resolves
/// them in the pod, from variables a Kubernetes secret may supply.
public struct ArgoWorkflow {
  public var plan: Plan
  public var command: String
  public var image: String
  public var repository: String?
  public var revision: String
  /// The Kubernetes secret that may hold the secrets' variables.
  public var secretName: String
  public var groups: [ExportGroup]

  public init(
    plan: Plan, command: String, image: String, repository: String?, revision: String,
    secretName: String, groups: [ExportGroup] = []
  ) {
    self.plan = plan
    self.groups = groups
    self.command = command
    self.image = image
    self.repository = repository
    self.revision = revision
    self.secretName = secretName
  }

  /// DAG task names: lowercase letters, digits and `-`, starting with a letter.
  static func allowed(_ character: Character) -> Bool {
    character.isASCII && (character.isLowercase || character.isNumber || character == "-")
  }

  static let checkout = "/work/repository"

  public func yaml() throws(BlumeopsError) -> String {
    let jobs = try ExportedJobs(
      plan, groups: groups, allowed: Self.allowed, replacement: "-", lowercase: true
    ).jobs
    let name = plan.roots.first.map { plan.nodes[$0].task.name } ?? "plan"
    let generated =
      String(
        ("blumeops-" + name).lowercased().map { Self.allowed($0) ? $0 : "-" }.prefix(40)) + "-"
    var lines: WorkflowText = [
      "# Made by `\(command)`: one DAG task per task of its plan"
        + (groups.isEmpty ? "" : " or group") + ", `dependencies` as its edges.",
      "apiVersion: argoproj.io/v1alpha1",
      "kind: Workflow",
      "metadata:",
      "  generateName: \(YAMLText.quoted(generated))",
      "spec:",
      "  entrypoint: plan",
      "  arguments:",
      "    parameters:",
      "      - name: repo",
    ]
    if let repository { lines.append("        value: \(YAMLText.quoted(repository))") }
    lines += [
      "      - name: revision",
      "        value: \(YAMLText.quoted(revision))",
      "  templates:",
      "    - name: plan",
      "      dag:",
      "        tasks:",
    ]
    lines.reserve(lines: jobs.count * 7 + 40)
    for job in jobs {
      lines.append("          - name: \(YAMLText.quoted(job.id))")
      lines.append("            template: blumeops")
      if job.after.isEmpty {
        if !job.needs.isEmpty {
          lines.append("            dependencies: " + YAMLText.list(job.needs.map { jobs[$0].id }))
        }
      } else {
        // A `depends_post` task follows its tasks whatever their result.
        let terms =
          job.needs.map { "\(jobs[$0].id).Succeeded" }
          + job.after.map { "(\(jobs[$0].id).Succeeded || \(jobs[$0].id).Failed)" }
        lines.append("            depends: \(YAMLText.quoted(terms.joined(separator: " && ")))")
      }
      lines.append("            arguments:")
      lines.append("              parameters:")
      lines.append("                - name: task")
      lines.append("                  value: \(YAMLText.quoted(job.onlyWords))")
    }
    var variables = ["OP_SERVICE_ACCOUNT_TOKEN"]
    for job in jobs {
      for name in job.secretVariables where !variables.contains(name) { variables.append(name) }
    }
    lines += [
      "    - name: blumeops",
      "      inputs:",
      "        parameters:",
      "          - name: task",
      "        artifacts:",
      "          - name: repository",
      "            path: \(Self.checkout)",
      "            git:",
      "              repo: \"{{workflow.parameters.repo}}\"",
      "              revision: \"{{workflow.parameters.revision}}\"",
      "      container:",
      "        image: \(YAMLText.quoted(image))",
      // The label's arguments are already quoted for a shell.
      "        command: [\"/bin/sh\", \"-c\"]",
      "        args: [\"exec blumeops --only {{inputs.parameters.task}}\"]",
      "        workingDir: \(Self.checkout)",
      "        env:",
      "          - name: CI",
      "            value: \"true\"",
    ]
    for name in variables {
      lines += [
        "          - name: \(YAMLText.quoted(name))",
        "            valueFrom:",
        "              secretKeyRef:",
        "                name: \(YAMLText.quoted(secretName))",
        "                key: \(YAMLText.quoted(name))",
        "                optional: true",
      ]
    }
    return lines.text
  }
}
