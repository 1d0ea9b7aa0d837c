#!/usr/bin/env node
// better-sqlite3 is a native module. Tests and the command line use the Node build that `npm install`
// compiled in node_modules; Electron needs one built for its own ABI. Rather than rebuilding in place
// (which would break the tests), the Electron build goes to build/native/electron/, and main loads it
// from there through better-sqlite3's `nativeBinding` option.
//
// The Electron build uses Electron's headers only (ELECTRON_HEADERS_DIR, or downloaded by
// node-gyp), never npm's nodedir, and the built module's ABI is checked against Electron's before
// it is stamped: a module Electron cannot load is refused loudly (see native-abi.mjs).
//
//   node scripts/rebuild-native.mjs electron   # needs Electron's headers (network, or ELECTRON_HEADERS_DIR)
//   node scripts/rebuild-native.mjs node       # rebuilds node_modules/better-sqlite3 for this Node
import { execFileSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkElectronModule, electronBuildEnv, electronGypArgs, expectedElectronAbi, moduleAbiOf } from './native-abi.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const target = process.argv[2]
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

if (target === 'node') {
  execFileSync(npm, ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit' })
} else if (target === 'electron') {
  const out = join(root, 'build/native/electron/better_sqlite3.node')
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
  const stamp = join(dirname(out), 'electron-version.txt')
  const expected = expectedElectronAbi(root, electronVersion)
  if (existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === electronVersion) {
    // A stamp is not proof: an earlier build may have been made against the wrong headers.
    const existingAbi = moduleAbiOf(readFileSync(out))
    if (expected && existingAbi === expected.abi) {
      console.log(`better-sqlite3 for Electron ${electronVersion} (module ABI ${existingAbi}) is up to date (${out})`)
      process.exit(0)
    }
    console.log(`the existing build has module ABI ${existingAbi}, Electron ${electronVersion} expects ${expected?.abi ?? 'an unknown one'}: rebuilding`)
    rmSync(stamp, { force: true })
  }
  const { env, removed } = electronBuildEnv(process.env)
  if (removed.length) console.log(`ignoring ${removed.join(', ')} for the Electron build (Electron's own headers only)`)
  const work = mkdtempSync(join(tmpdir(), 'report-desk-native-'))
  try {
    cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true, filter: (p) => !p.includes(join('build', 'Release')) })
    const gyp = join(root, 'node_modules/node-gyp/bin/node-gyp.js')
    const args = [gyp, ...electronGypArgs({ electronVersion, arch: process.arch, headersDir: process.env.ELECTRON_HEADERS_DIR })]
    console.log(`building better-sqlite3 for Electron ${electronVersion}…`)
    execFileSync(process.execPath, args, { cwd: work, stdio: 'inherit', env })
    const built = join(work, 'build/Release/better_sqlite3.node')
    checkElectronModule({ builtAbi: moduleAbiOf(readFileSync(built)), expected, electronVersion })
    mkdirSync(dirname(out), { recursive: true })
    copyFileSync(built, out)
    writeFileSync(stamp, electronVersion + '\n')
    console.log(`wrote ${out} (module ABI ${expected.abi})`)
  } catch (e) {
    console.error(`could not build better-sqlite3 for Electron ${electronVersion}: ${e.message}`)
    console.error('Electron headers are needed (https://electronjs.org/headers or ELECTRON_HEADERS_DIR=/path/to/headers).')
    process.exit(1)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
} else {
  console.error('usage: rebuild-native.mjs electron|node')
  process.exit(2)
}
