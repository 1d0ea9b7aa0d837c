#!/usr/bin/env node
// Peak memory of a command's whole process tree (the command and every process it starts),
// sampled from /proc every 50 ms: the sum of VmRSS over the tree at each sample, and its maximum.
// /usr/bin/time -v gives only the largest single process; an extraction child is another process.
// Also the CPU time of the whole tree (user + system of every process in it, once each has ended
// and been waited for), and, with --stdout FILE, the command's output kept in FILE.
//
//   node scripts/peak-tree-rss.mjs [--stdout FILE] -- node bin/report-desk.mjs extract big.pdf

import { spawn } from 'node:child_process'
import { openSync, readdirSync, readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** The resident memory of `root` and every process below it, in kB (summed VmRSS). */
export function treeRssKb(root) {
  const parent = new Map()
  const rss = new Map()
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'latin1')
      parent.set(Number(pid), Number(/PPid:\s+(\d+)/.exec(status)?.[1]))
      rss.set(Number(pid), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0))
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) if (p === root) return true
    return false
  }
  let total = 0
  for (const [pid, kb] of rss) if (inTree(pid)) total += kb
  return total
}

/**
 * Seconds of CPU used so far by `root` and every process below it: user + system of each live one,
 * and of the children each has already waited for (an extraction child that was ended still counts).
 */
export function treeCpuSeconds(root) {
  const parent = new Map()
  const ticks = new Map()
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      // after the command's name: ppid is the 2nd field, utime, stime, cutime, cstime the 12th to 15th (clock ticks)
      const f = readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ').pop().split(' ')
      parent.set(Number(pid), Number(f[1]))
      ticks.set(Number(pid), Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]))
    } catch {
      // gone meanwhile
    }
  }
  let total = 0
  for (const [pid, t] of ticks) {
    for (let p = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) {
      if (p === root) {
        total += t
        break
      }
    }
  }
  return total / 100
}

/** Seconds of CPU used by this process's children that have ended and been waited for (theirs included). */
function childrenCpu() {
  // fields after the command's name: cutime and cstime are the 14th and 15th, in clock ticks (100 a second on Linux)
  const fields = readFileSync('/proc/self/stat', 'latin1').split(') ').pop().split(' ')
  return (Number(fields[13]) + Number(fields[14])) / 100
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(process.argv.indexOf('--') + 1)
  const own = process.argv.slice(2, process.argv.indexOf('--'))
  const stdoutFile = own.includes('--stdout') ? own[own.indexOf('--stdout') + 1] : null
  if (args.length === 0) {
    console.error('usage: node scripts/peak-tree-rss.mjs -- COMMAND ARGS…')
    process.exit(2)
  }
  const started = Date.now()
  const cpuBefore = childrenCpu()
  const child = spawn(args[0], args.slice(1), { stdio: ['ignore', stdoutFile ? openSync(stdoutFile, 'w') : 'ignore', 'inherit'] })
  let peak = 0
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid))), 50)
  child.on('exit', (code, signal) => {
    clearInterval(timer)
    const cpu = childrenCpu() - cpuBefore
    console.log(
      `peak tree RSS ${(peak / 1024).toFixed(0)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s, ${cpu.toFixed(1)} s CPU, exit ${code ?? signal}`
    )
  })
}
