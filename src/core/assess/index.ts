// 年报质量评估 (see assess.ts): indicators, the rubric they are priced by, and what a result holds.

export { assessReport, formForYear } from './assess'
export { INDICATOR_IDS, parseRubric, type IndicatorId, type Rubric } from './rubric'
export type { AssessInput, Assessment, Deduction, Evidence, IndicatorResult, IndicatorState, Quote } from './types'
