/// Tells which national indicator framework a table follows, from its level cells.
enum FrameworkDetector {
  static func detect(_ drafts: [IndicatorDraft]) -> Framework? {
    var legacy = false
    var y2021 = false
    for draft in drafts {
      if let level2 = draft.level2 {
        if level2.isOnly2021 { y2021 = true }
        if level2 == .cost { legacy = true }
        if level2 == .serviceSatisfaction && draft.level1 == .benefit { legacy = true }
      }
      if draft.level1 == .cost { y2021 = true }
    }
    switch (legacy, y2021) {
    case (true, true): return .mixed
    case (true, false): return .legacy
    case (false, true): return .y2021
    default: return nil
    }
  }
}
