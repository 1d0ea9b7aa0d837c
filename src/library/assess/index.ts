// 年报质量评估 over the library: scores on read, the ranking, and the exports.

export { AssessCache } from './compute'
export { assessedReports, writeAssessJson, writeAssessXlsx, writeRectifications, type AssessFilter } from './export'
export { DEFAULT_RUBRIC, loadRubric } from './rubric-file'
export { rankingOf } from './ranking'
