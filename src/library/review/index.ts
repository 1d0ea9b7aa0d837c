// The review: audit primitives (audit.ts), what is settled (settlement.ts), the one envelope of
// every act (act.ts), and the acts. Nothing in this folder imports this index.

export { getSettings, history, setReviewer } from './audit'
export { acceptFinding } from './acceptance'
export { editCell } from './cells'
export { confirmCell } from './confirm'
export { markCellsBlank, markTableAbsent, settleBlankCells } from './marks'
export { editMeta, markMetaUnstated, type MetaField } from './meta'
export { setTableForm } from './forms'
export { setPublishedDate } from './published'
export { verifyReport } from './verify'
