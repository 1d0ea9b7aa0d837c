import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const BIN = resolve(__dirname, '../../bin/report-desk.mjs')
const SEEDS = resolve(__dirname, '../../../shared/seeds')

/** Runs the built command with its output going into a pipe whose reader has already gone (`| head`). */
async function intoClosedPipe(args: string[]): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.destroy()
  let err = ''
  child.stderr.on('data', (chunk) => (err += String(chunk)))
  const [code] = (await once(child, 'close')) as [number | null]
  return { code, err }
}

describe('report-desk … | head', () => {
  const seed = join(
    SEEDS,
    readdirSync(SEEDS)
      .filter((n) => n.endsWith('.txt'))
      .sort()[0]
  )
  it.each([
    ['--help', ['--help']],
    ['extract --json', ['extract', seed, '--json']]
  ])(
    '%s ends quietly when the reader has closed the pipe',
    async (_name, args) => {
      expect(await intoClosedPipe(args)).toEqual({ code: 0, err: '' })
    },
    30_000
  )
})
