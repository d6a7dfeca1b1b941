/// A cell holding an indicator's name and, a blank after it, its target (`水质达标率 ≥95%`,
/// `群众满意度 90%`): what a layout aligned by blanks gives where only one blank stood between
/// the two columns, or a template that writes both in one cell.
///
/// The split is taken only where both sides say what they are: the name is words (two
/// ideographs or more, no digit, no comparison sign, and not a comparison in words such as
/// 不低于 or 达到, which the grammar reads as an operator before a number), and the target
/// begins with a comparison sign or a digit and reads as a value (a quantity, range, date,
/// rank or grade), never as text. The first blank that splits so is the one.
enum NameBesideTarget {
  struct Split {
    var name: String
    var target: String
    /// Where the target starts, in scalars of the cell's text.
    var targetOffset: Int
  }

  static func split(_ text: String) -> Split? {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 4, scalars.contains(where: Blank.isBlank), !scalars.contains("\n") else { return nil }
    var index = 0
    while index < scalars.count {
      guard Blank.isBlank(scalars[index]) else {
        index += 1
        continue
      }
      var end = index
      while end < scalars.count && Blank.isBlank(scalars[end]) { end += 1 }
      let name = scalars[..<index]
      let target = scalars[end...]
      if let first = target.first, isValueStart(first), isName(name) {
        let targetText = String(String.UnicodeScalarView(target))
        if let reading = TargetGrammar.readUnlessWords(targetText), reading.kind != .text, reading.kind != .qualitative {
          return Split(name: String(String.UnicodeScalarView(name)), target: targetText, targetOffset: end)
        }
      }
      index = end
    }
    return nil
  }

  private static func isName(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
    var ideographs = 0
    for scalar in scalars {
      if scalar.properties.isIdeographic { ideographs += 1 }
      if isValueStart(scalar) || (scalar.value >= 0xFF10 && scalar.value <= 0xFF19) { return false }
    }
    guard ideographs >= 2 else { return false }
    // 不低于, 达到, 控制在 …: read before a number, they make an operator.
    return TargetGrammar.read(String(String.UnicodeScalarView(scalars)) + "1").op == nil
  }

  private static func isValueStart(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "0"..."9", "≥", "≤", ">", "<", "=", "＝", "≧", "≦", "＞", "＜": true
    default: false
    }
  }
}
