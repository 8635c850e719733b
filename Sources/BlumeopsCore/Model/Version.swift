public enum BlumeopsVersion { public static let current = "0.1.0" }
