import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** ../shared sits beside the repository (as in CI). */
export const SHARED = resolve(__dirname, '../../../shared')
export const SEEDS = join(SHARED, 'seeds')
export const CORPUS = join(SHARED, 'corpus/files')

export function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))
  if (!name) throw new Error(`no seed ${prefix} in ${SEEDS}`)
  return join(SEEDS, name)
}

export function requireShared(): void {
  if (!existsSync(SEEDS)) throw new Error(`${SEEDS} is missing: ../shared must sit beside the repository`)
}
