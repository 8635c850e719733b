import Synchronization

/// A doc set read ahead on a thread of its own, for a run that will need it shortly: the run goes
/// on with its own preparations meanwhile, and whoever waits for the set helps parse what is left.
/// Every built-in of the run that reads the docs then shares the one set.
public final class DocSetLoad: @unchecked Sendable {
  /// The project root whose `docs/` is read.
  public let root: String
  /// What is read of each doc.
  public let parts: DocParts
  private enum State {
    case listing
    case parsing(DocParsing)
    case done(DocSet)
  }

  /// Under `gate`.
  private var state = State.listing
  private let gate = Gate()
  private let cancelled = Atomic<Bool>(false)

  /// Starts reading at once.
  public init(root: String, parts: DocParts) {
    self.root = root
    self.parts = parts
    ParallelWork.start(1) { [self] in load() }.detach()
  }

  /// The set, once every doc is parsed; the caller parses docs no thread has claimed yet.
  public func wait() -> DocSet {
    let started = gate.wait { () -> State? in
      if case .listing = state { return nil }
      return state
    }
    if case .parsing(let parsing) = started { parsing.help() }
    return gate.wait {
      if case .done(let set) = state { return set }
      return nil
    }
  }

  /// Stops reading as soon as the doc in hand is parsed; no one may wait for the set after.
  public func cancel() {
    cancelled.store(true, ordering: .relaxed)
    gate.change {
      if case .parsing(let parsing) = state { parsing.stop() }
    }
  }

  private func load() {
    let listing = DocListing(root: root)
    let parsing = DocParsing(paths: listing.paths, in: listing.docsRoot, parts: parts)
    let stopped = gate.change {
      state = .parsing(parsing)
      return cancelled.load(ordering: .relaxed)
    }
    guard !stopped else { return }
    // One core is left for the run, which joins in when it needs the set.
    let helpers = DocFile.helpersFor(listing.paths.count, reservedCores: 1)
    let helping = ParallelWork.start(helpers) { parsing.help() }
    parsing.help()
    guard !cancelled.load(ordering: .relaxed) else {
      helping.detach()
      return
    }
    let set = listing.set(parsing.docs())
    helping.join()
    gate.change { state = .done(set) }
  }
}
