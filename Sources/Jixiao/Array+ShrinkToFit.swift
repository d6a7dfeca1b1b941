extension Array {
  /// Drops the spare capacity that growing by appends left. Rows and indicators of a large
  /// document are made by appends and live until it is read; a fifth of its cell-array
  /// capacity and 30% of its indicator-array capacity was spare.
  mutating func shrinkToFit() {
    guard capacity > count else { return }
    var exact: [Element] = []
    exact.reserveCapacity(count)
    exact.append(contentsOf: self)
    self = exact
  }
}
