// libFuzzer entry point over the library's whole pipeline: bytes → Document → JSON.
// Built by Fuzz/fuzz.sh together with every source file of Sources/Jixiao (one module) and
// the ICU shim, with -sanitize=fuzzer,address. Anything the parser throws is an answer;
// only a trap, a sanitizer report, a leak or a timeout is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  do {
    let document = try Jixiao.parse(bytes, path: "fuzz.txt")
    // The encoders run on every document the CLI prints, so they are part of the target.
    _ = DocumentEncoder.encode(document, language: .en, pretty: false)
    _ = DocumentEncoder.encode(document, language: .zh, pretty: true)
  } catch {
    _ = error.message
  }
  // The tokenizer dump is what `jixiao dump` shows. Run it on a third of the inputs (it
  // decodes and tokenizes again), with a dialect forced by the last byte as `--dialect`
  // does, so every tokenizer meets text that is not its own.
  if size % 3 == 0 {
    let choice = Int(bytes.last ?? 0) % (Dialect.allCases.count + 1)
    let dialect = choice < Dialect.allCases.count ? Dialect.allCases[choice] : nil
    _ = try? SegmentationDump.dump(bytes, path: "fuzz.txt", options: ParseOptions(dialect: dialect))
  }
  return 0
}
