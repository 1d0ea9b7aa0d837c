// Undo and redo over groups of cell changes (a paste is one step). Undoing writes the old
// values back through editCell, so the undo itself is recorded in the audit trail.

import type { CellChange } from './paste'

export interface UndoStacks {
  undo: CellChange[][]
  redo: CellChange[][]
}

export const EMPTY_STACKS: UndoStacks = { undo: [], redo: [] }
const LIMIT = 200

export function recordStep(stacks: UndoStacks, step: CellChange[]): UndoStacks {
  if (step.length === 0) return stacks
  return { undo: [...stacks.undo, step].slice(-LIMIT), redo: [] }
}

/** The changes to apply to undo the last step (reversed), and the stacks after it. */
export function takeUndo(stacks: UndoStacks): { apply: CellChange[]; stacks: UndoStacks } | null {
  const step = stacks.undo[stacks.undo.length - 1]
  if (!step) return null
  const apply = [...step].reverse().map((c) => ({ key: c.key, before: c.after, after: c.before }))
  return { apply, stacks: { undo: stacks.undo.slice(0, -1), redo: [...stacks.redo, step] } }
}

export function takeRedo(stacks: UndoStacks): { apply: CellChange[]; stacks: UndoStacks } | null {
  const step = stacks.redo[stacks.redo.length - 1]
  if (!step) return null
  return { apply: step, stacks: { undo: [...stacks.undo, step], redo: stacks.redo.slice(0, -1) } }
}

/** Takes the refused changes out of a recorded step (the whole step when none was saved). */
export function dropChanges(stacks: UndoStacks, step: CellChange[], refusedKeys: string[]): UndoStacks {
  const kept = step.filter((c) => !refusedKeys.includes(c.key))
  // The step may already have been undone (Ctrl+Z pressed before the refusal came back): it is then on the redo stack.
  const without = (list: CellChange[][]): CellChange[][] => list.flatMap((s) => (s !== step ? [s] : kept.length ? [kept] : []))
  return { undo: without(stacks.undo), redo: without(stacks.redo) }
}
