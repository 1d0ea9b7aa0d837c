// The review: audit primitives (audit.ts), what is settled (settlement.ts), the one envelope of
// every act (act.ts), and the acts. Nothing in this folder imports this index.

export { getSettings, history, recordEdit, requireReport, requireReviewer, setReviewer } from './audit'
export { acceptancesOf, instanceOf, marksOf, settlementOf, ABSENT_TABLE, BLANK_CELL, CONFIRMED_CELL, TABLE_TARGET_PREFIX } from './settlement'
export { acceptFinding } from './acceptance'
export { editCell } from './cells'
export { confirmCell, copyConfirmations } from './confirm'
export { copyMarks, markCellsBlank, markTableAbsent, settleBlankCells } from './marks'
export { editMeta, markMetaUnstated, type MetaField } from './meta'
export { verifyReport } from './verify'
