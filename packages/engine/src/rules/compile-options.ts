/** Options of compileCondition and compileRuleSet. */
export interface CompileRuleOptions {
  /**
   * Skips the check of every fact's type on each call. Set it only for facts that
   * computeFacts built, whose types hold by construction, e.g. when segmenting a whole book;
   * a fact of the wrong type then gives an unspecified result instead of a FactValueError.
   */
  factsChecked?: boolean;
}
