/// The validation pass: every check of the catalogue over a read document.
public enum Validator {
  static let checks: [any Check.Type] = [
    FundsDoNotAddUp.self, RoundingDifference.self, ProjectFundsDoNotMatchDepartment.self, BudgetSummaryDoesNotAddUp.self,
    TasksDoNotAddUp.self, TotalsRowDoesNotAddUp.self,
    WeightsDoNotTotal.self, WeightsPartlyMissing.self, WeightNotANumber.self, MoneyUnitImplausible.self,
    CostTargetsExceedFunds.self, CostTargetWithoutFunds.self,
    UnitColumnConflict.self, RateWithoutPercent.self, CountWithPercent.self, PercentAboveHundred.self, SatisfactionNotMeasured.self,
    OperatorColumnConflict.self, QualitativeTypeWithNumber.self, QuantitativeTypeWithoutNumber.self,
    EmptyTarget.self, DateUnitOnDuration.self, DirectionReversed.self, UnreadableTarget.self, UnitNotKnown.self,
    OperatorReadAsDigit.self,
    DateOutsideYear.self, TextNamesAnotherYear.self, PeriodEndsBeforeStart.self,
    LevelUnderWrongParent.self, MixedFrameworks.self, LevelNameNonStandard.self, LevelNameUnknown.self,
    MissingLevelFamily.self, DuplicateIndicator.self, ProjectWithoutIndicators.self,
    EvaluationLevelInTargetTable.self,
    ExplanationNamesAnotherAmount.self, ScoringFullMarkDiffersFromWeight.self, YearInNameOrGoal.self,
  ]

  /// `simplifiesScript`: the document is in traditional script; names, explanations and
  /// scoring rules are matched simplified (quotes in messages are then simplified too).
  public static func check(_ document: Document, simplifiesScript: Bool = false) -> [Diagnostic] {
    let subject = ValidationSubject(document: document, simplifiesScript: simplifiesScript)
    return checks.flatMap { $0.run(subject) }
  }
}
