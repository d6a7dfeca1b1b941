/// Catalogue entries of the checks over the model (2xx–6xx).
enum ValidationChecks {
  static let entries: [CatalogueEntry] = []
}
