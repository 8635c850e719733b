import CYAML

/// Reads YAML text into located nodes through libyaml's event API.
///
/// Anchors and aliases are resolved, `<<` merge keys are applied (explicit keys win), duplicate
/// keys are rejected. Any byte sequence is accepted as input: libyaml reports what it cannot read.
/// Collections nest at most `maximumDepth` levels, aliases included, so that no reader of a tree
/// (nor its release) recurses without bound, and an alias bomb stays a small shared tree.
public enum YAMLReader {
  /// How many levels of collections a document may nest, counting through aliases.
  public static let maximumDepth = 100

  /// Parses a single-document text. Returns nil for an empty document (or only comments).
  public static func parse(_ text: String) throws(YAMLError) -> YAMLNode? {
    var bytes = Array(text.utf8)
    return try parse(bytes: &bytes)
  }

  /// Parses raw bytes (which need not be valid UTF-8).
  public static func parse(bytes: inout [UInt8]) throws(YAMLError) -> YAMLNode? {
    let count = bytes.count
    let result: Result<YAMLNode?, YAMLError> = bytes.withUnsafeMutableBufferPointer { buffer in
      var builder = TreeBuilder()
      do throws(YAMLError) {
        return .success(try builder.run(buffer.baseAddress, count: count))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }
}

/// Consumes parser events and assembles nodes bottom-up.
private struct TreeBuilder {
  /// An open collection. Mutated in place on the stack: rebuilding it per child would copy it.
  private struct Frame {
    var isMapping: Bool
    var start: SourcePosition
    var anchor: String?
    /// The deepest nesting among the children so far (0: only scalars).
    var childDepth = 0
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    var pendingKey: YAMLNode?
    /// Index of each scalar key in `pairs`, once the mapping is large enough to need one: most
    /// mappings hold a few keys, which a scan finds sooner than a dictionary is built.
    var keyIndex: [String: Int]?
    /// Keys brought in by a `<<` merge, which a written key may override.
    var merged: Set<String> = []

    var node: YAMLNode {
      YAMLNode(isMapping ? .mapping(pairs) : .sequence(items), at: start)
    }

    /// Where the pair with this scalar key is.
    func index(ofKey key: String) -> Int? {
      if let keyIndex { return keyIndex[key] }
      return pairs.firstIndex { $0.key.scalar == key }
    }

    mutating func append(_ pair: YAMLPair) {
      if let key = pair.key.scalar { keyIndex?[key] = pairs.count }
      pairs.append(pair)
      if keyIndex == nil, pairs.count > 16 {
        var index: [String: Int] = [:]
        for position in pairs.indices.reversed() {
          if let key = pairs[position].key.scalar { index[key] = position }
        }
        keyIndex = index
      }
    }
  }

  private var stack: [Frame] = []
  private var anchors: [String: (node: YAMLNode, depth: Int)] = [:]
  private var documents: [YAMLNode?] = []

  mutating func run(_ base: UnsafeMutablePointer<UInt8>?, count: Int) throws(YAMLError) -> YAMLNode?
  {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      throw YAMLError(
        .syntax(problem: "cannot initialise the YAML parser", context: nil),
        at: .init(line: 1, column: 1))
    }
    defer { yaml_parser_delete(&parser) }
    var empty: UInt8 = 0
    yaml_parser_set_input_string(
      &parser, base ?? withUnsafeMutablePointer(to: &empty) { $0 }, count)

    var rootOfDocument: YAMLNode?
    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else { throw Self.syntaxError(parser) }
      defer { yaml_event_delete(&event) }
      let position = Self.position(event.start_mark, event.end_mark)

      switch event.type {
      case YAML_STREAM_END_EVENT:
        return documents.first ?? nil
      case YAML_DOCUMENT_START_EVENT:
        if !documents.isEmpty { throw YAMLError(.multipleDocuments, at: position) }
        rootOfDocument = nil
      case YAML_DOCUMENT_END_EVENT:
        documents.append(rootOfDocument)
      case YAML_ALIAS_EVENT:
        let name = Self.string(event.data.alias.anchor)
        guard let anchored = anchors[name] else {
          throw YAMLError(.unknownAlias(name), at: position)
        }
        var node = anchored.node
        node.position = position
        try checkDepth(anchored.depth + stack.count, at: position)
        if let done = try add(node, depth: anchored.depth) { rootOfDocument = done }
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let text = String(
          decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
        let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
        let node = YAMLNode(.scalar(text, plain: plain), at: position)
        if let anchor = scalar.anchor { anchors[Self.string(anchor)] = (node, 0) }
        if let done = try add(node, depth: 0) { rootOfDocument = done }
      case YAML_SEQUENCE_START_EVENT:
        let anchor = event.data.sequence_start.anchor.map(Self.string)
        try checkDepth(stack.count + 1, at: position)
        stack.append(
          Frame(isMapping: false, start: Self.position(event.start_mark, nil), anchor: anchor))
      case YAML_MAPPING_START_EVENT:
        let anchor = event.data.mapping_start.anchor.map(Self.string)
        try checkDepth(stack.count + 1, at: position)
        stack.append(
          Frame(isMapping: true, start: Self.position(event.start_mark, nil), anchor: anchor))
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        let frame = stack.removeLast()
        let node = frame.node
        let depth = frame.childDepth + 1
        if let anchor = frame.anchor { anchors[anchor] = (node, depth) }
        if let done = try add(node, depth: depth) { rootOfDocument = done }
      default:
        break
      }
    }
  }

  /// Refuses a tree nested deeper than `YAMLReader.maximumDepth`.
  private func checkDepth(_ depth: Int, at position: SourcePosition) throws(YAMLError) {
    guard depth <= YAMLReader.maximumDepth else {
      throw YAMLError(.tooDeep(limit: YAMLReader.maximumDepth), at: position)
    }
  }

  /// Adds a finished node (`depth` levels of collections) to the open collection; returns it
  /// when it is a document's root.
  private mutating func add(_ node: YAMLNode, depth: Int) throws(YAMLError) -> YAMLNode? {
    guard !stack.isEmpty else { return node }
    let top = stack.count - 1
    stack[top].childDepth = max(stack[top].childDepth, depth)
    guard stack[top].isMapping else {
      stack[top].items.append(node)
      return nil
    }
    guard let key = stack[top].pendingKey else {
      stack[top].pendingKey = node
      return nil
    }
    stack[top].pendingKey = nil
    if key.scalar == "<<", case .scalar(_, plain: true) = key.content {
      try merge(node, into: top)
    } else if let keyText = key.scalar, let existing = stack[top].index(ofKey: keyText) {
      // A key written out overrides one brought in by a merge; two written keys clash.
      guard stack[top].merged.remove(keyText) != nil else {
        throw YAMLError(
          .duplicateKey(keyText, first: stack[top].pairs[existing].key.position), at: key.position)
      }
      stack[top].pairs[existing] = YAMLPair(key: key, value: node)
    } else {
      stack[top].append(YAMLPair(key: key, value: node))
    }
    return nil
  }

  /// Applies a `<<` value: keys already present (written earlier or merged first) win.
  private mutating func merge(_ value: YAMLNode, into top: Int) throws(YAMLError) {
    let sources: [YAMLNode]
    switch value.content {
    case .mapping: sources = [value]
    case .sequence(let items): sources = items
    case .scalar: throw YAMLError(.invalidMerge, at: value.position)
    }
    for source in sources {
      guard let entries = source.mapping else {
        throw YAMLError(.invalidMerge, at: source.position)
      }
      for entry in entries {
        guard let key = entry.key.scalar, stack[top].index(ofKey: key) == nil else { continue }
        stack[top].append(entry)
        stack[top].merged.insert(key)
      }
    }
  }

  private static func position(_ start: yaml_mark_t, _ end: yaml_mark_t?) -> SourcePosition {
    var width = 1
    if let end, end.line == start.line { width = Int(end.column) - Int(start.column) }
    return SourcePosition(line: Int(start.line) + 1, column: Int(start.column) + 1, width: width)
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
    String(cString: pointer)
  }

  private static func syntaxError(_ parser: yaml_parser_t) -> YAMLError {
    let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
    let context = parser.context.map { String(cString: $0) }
    let mark = parser.problem_mark
    return YAMLError(
      .syntax(problem: problem, context: context),
      at: SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1))
  }
}
