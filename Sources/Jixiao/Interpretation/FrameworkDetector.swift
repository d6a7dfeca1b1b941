/// Tells which national indicator framework a table follows, from its level cells.
enum FrameworkDetector {
  static func detect(_ drafts: [IndicatorDraft]) -> Framework? {
    var legacy = false
    var y2021 = false
    // By index: iterating the drafts copies each one to read two of its fields.
    for index in drafts.indices {
      let level1 = drafts[index].level1
      if let level2 = drafts[index].level2 {
        if level2.isOnly2021 { y2021 = true }
        if level2 == .cost { legacy = true }
        if level2 == .serviceSatisfaction && level1 == .benefit { legacy = true }
      }
      if level1 == .cost { y2021 = true }
    }
    switch (legacy, y2021) {
    case (true, true): return .mixed
    case (true, false): return .legacy
    case (false, true): return .y2021
    default: return nil
    }
  }
}
