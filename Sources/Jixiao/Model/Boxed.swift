/// A value kept behind one reference and copied on write, compared and hashed by value.
///
/// For the parts of model values that most instances leave empty: a large document holds
/// tens of thousands of indicators and targets, and every optional field stored inline costs
/// its full size in each of them, set or not.
struct Boxed<Value: Hashable & Sendable>: Hashable, Sendable {
  private typealias Storage = BoxStorage<Value>

  private var storage: Storage

  init(_ value: Value) { storage = Storage(value) }

  var value: Value {
    get { storage.value }
    _modify {
      if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.value) }
      yield &storage.value
    }
  }

  /// Hands `read` the value in place, for reading many of its parts: read from an inout
  /// parameter, each part is passed on borrowed (no one else may change it meanwhile), where
  /// `value` returns a copy (a retain and a release of every reference it holds). A `_read`
  /// accessor was no help: the compiler copied the yielded value whole. `read` must not
  /// change the value: the storage is shared by every copy of the box.
  func withValueInPlace<Result>(_ read: (inout Value) -> Result) -> Result { read(&storage.value) }

  static func == (left: Boxed, right: Boxed) -> Bool {
    left.storage === right.storage || left.storage.value == right.storage.value
  }

  func hash(into hasher: inout Hasher) { hasher.combine(storage.value) }
}

extension Optional {
  /// Sets one part of an optional box of rarely set parts: the box is made when a part is
  /// set and dropped when none is left, so that "no part set" has one form (nil), whatever
  /// was set and cleared before.
  mutating func setRare<Parts: Hashable & Sendable & EmptyInitializable, Part>(
    _ path: WritableKeyPath<Parts, Part?>, _ part: Part?
  ) where Wrapped == Boxed<Parts> {
    if part == nil && self == nil { return }
    var box = self ?? Boxed(Parts())
    self = nil
    box.value[keyPath: path] = part
    self = box.value == Parts() ? nil : box
  }
}

/// A value with an empty form, `init()`.
protocol EmptyInitializable { init() }

/// `Boxed`'s storage, outside it so that its class carries no requirement on `Value`: the
/// metadata of a class nested in `Boxed` was made with a run-time look-up of `Value`'s
/// `Hashable` conformance, a scan of every conformance in the binary (some 500,000
/// instructions at the first box of each kind, in every process).
final class BoxStorage<Value>: @unchecked Sendable {
  // Mutated only through `Boxed.value`'s `_modify`, after `isKnownUniquelyReferenced`: an
  // access never overlaps another, so the run-time exclusivity check (a call on every read
  // of every boxed field) is left out.
  @exclusivity(unchecked) var value: Value
  init(_ value: Value) { self.value = value }
}
