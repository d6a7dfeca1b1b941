/// Catalogue entries of the checks over the model (2xx–6xx), in code order.
enum ValidationChecks {
  static let entries: [CatalogueEntry] = Validator.checks.map { $0.entry }.sorted { $0.code < $1.code }
}
