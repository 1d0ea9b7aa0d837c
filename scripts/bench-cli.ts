// The built command line from cold, as a script calls it: `--help`, and `extract` of one text
// report (a new Node process each time, its extraction child included). Target: extract ≤ 0.4 s.
// Wall time depends on the machine's load, so the CPU time (user + system, the command and its
// child together) is printed beside it; the best of several runs is kept.

import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')
const BIN = join(ROOT, 'bin/report-desk.mjs')
const SEEDS = resolve(ROOT, '../shared/seeds')

interface Timing {
  wallMs: number
  cpuMs: number
}

/** Runs the command under /usr/bin/time when present (children's CPU included), else wall time only. */
function once(args: string[]): Timing {
  const started = performance.now()
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, BIN, ...args], { encoding: 'utf8' })
  const wallMs = performance.now() - started
  if (r.error) {
    const plain = spawnSync(process.execPath, [BIN, ...args])
    if (plain.status !== 0) throw new Error(`report-desk ${args.join(' ')} failed`)
    return { wallMs: performance.now() - started, cpuMs: NaN }
  }
  if (r.status !== 0) throw new Error(`report-desk ${args.join(' ')} failed: ${r.stderr}`)
  const [user, system] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number)
  return { wallMs, cpuMs: (user + system) * 1000 }
}

function best(args: string[], runs = 5): Timing {
  const all = Array.from({ length: runs }, () => once(args))
  return { wallMs: Math.min(...all.map((t) => t.wallMs)), cpuMs: Math.min(...all.map((t) => t.cpuMs)) }
}

export function benchCli(): void {
  const report = readdirSync(SEEDS).find((f) => f.endsWith('.txt'))
  const show = (what: string, t: Timing): void =>
    console.log(`cli: ${what} from cold: ${t.wallMs.toFixed(0)} ms wall, ${Number.isNaN(t.cpuMs) ? '?' : t.cpuMs.toFixed(0)} ms CPU (best of 5)`)
  show('--help', best(['--help']))
  if (report) show('extract of a text report', best(['extract', join(SEEDS, report)]))
}
