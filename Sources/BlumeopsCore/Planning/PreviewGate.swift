/// What a gated task runs before its `run`: the preview, whose change is confirmed before
/// anything is applied. Both get `BLUMEOPS_PLAN`, a file of the run for the preview to write its
/// plan to and the apply to read it from.
public struct PreviewGate: Sendable {
  public var steps: [PlannedStep]
  /// The task's `confirm`, asked after the preview; nil asks a plain yes/no.
  public var confirmation: Confirmation?

  public init(steps: [PlannedStep], confirmation: Confirmation?) {
    self.steps = steps
    self.confirmation = confirmation
  }

  /// The variable naming the plan file.
  public static let planVariable = "BLUMEOPS_PLAN"
}
