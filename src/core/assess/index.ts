// 年报质量评估 (see assess.ts): indicators, the rubric they are priced by, and what a result holds.

export { assessReport, formForYear } from './assess'
export { parseRubric, type IndicatorId, type Rubric } from './rubric'
export type { Assessment, Deduction, IndicatorResult, IndicatorState, TypedPublicationDate } from './types'
