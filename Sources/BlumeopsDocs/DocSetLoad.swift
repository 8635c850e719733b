#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A doc set read ahead on a thread of its own, for a run that will need it shortly: the run goes
/// on with its own preparations meanwhile, and whoever waits for the set helps parse what is left.
/// Every built-in of the run that reads the docs then shares the one set.
public final class DocSetLoad: @unchecked Sendable {
  /// The project root whose `docs/` is read.
  public let root: String
  /// What is read of each doc.
  public let parts: DocParts
  private var parsing: DocParsing?
  private var result: DocSet?
  private var lock = pthread_mutex_t()
  private var changed = pthread_cond_t()

  /// Starts reading at once.
  public init(root: String, parts: DocParts) {
    self.root = root
    self.parts = parts
    pthread_mutex_init(&lock, nil)
    pthread_cond_init(&changed, nil)
    ParallelWork.start(1) { [self] in load() }.detach()
  }

  /// The set, once every doc is parsed; the caller parses docs no thread has claimed yet.
  public func wait() -> DocSet {
    pthread_mutex_lock(&lock)
    while parsing == nil && result == nil { pthread_cond_wait(&changed, &lock) }
    let parsing = result == nil ? parsing : nil
    pthread_mutex_unlock(&lock)
    parsing?.help()
    pthread_mutex_lock(&lock)
    while result == nil { pthread_cond_wait(&changed, &lock) }
    let set = result!
    pthread_mutex_unlock(&lock)
    return set
  }

  private func load() {
    let listing = DocListing(root: root)
    let parsing = DocParsing(paths: listing.paths, in: listing.docsRoot, parts: parts)
    publish { self.parsing = parsing }
    // One core is left for the run, which joins in when it needs the set.
    let helpers = DocFile.helpersFor(listing.paths.count, reservedCores: 1)
    let helping = ParallelWork.start(helpers) { parsing.help() }
    let set = listing.set(parsing.docs())
    helping.join()
    publish {
      self.result = set
      self.parsing = nil
    }
  }

  private func publish(_ change: () -> Void) {
    pthread_mutex_lock(&lock)
    change()
    pthread_cond_broadcast(&changed)
    pthread_mutex_unlock(&lock)
  }
}
