extension Text {
  /// The expressions written inside the text, with where they are written and what they are for.
  var formulas: [(formula: Formula, role: TextFormulaRole)] {
    inline.formulas.map { ($0.formula, $0.role) }
  }
}
