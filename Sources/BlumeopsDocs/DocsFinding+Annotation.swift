import BlumeopsCore

extension DocsFinding {
  /// The finding as a CI annotation on its doc (and line), the path from the repository root.
  public func annotation(_ paths: AnnotationPaths) -> Annotation {
    Annotation(.error, file: paths.path("docs/" + path), line: line, message: message)
  }
}

extension CheckReport {
  /// One workflow command per finding, for CI systems to annotate the docs with.
  public func annotationLines(_ paths: AnnotationPaths) -> [String] {
    findings.map { $0.annotation(paths).command }
  }
}
