// The decisions behind the Electron build of better-sqlite3 (scripts/rebuild-native.mjs), kept
// apart so they can be tested without Electron's headers:
//  - which environment node-gyp gets: node-gyp lets npm's config variables (npm_config_nodedir,
//    set to /usr where npm is configured so: Node 20's headers) override its own command line, so
//    they are removed; the headers are ELECTRON_HEADERS_DIR's or Electron's own, nothing else;
//  - which module ABI Electron expects, and which one a built module has; a module whose ABI is
//    not Electron's is refused, never stamped as the Electron build.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** npm / package config keys that would point node-gyp at other headers or another runtime. */
const FOREIGN_BUILD_KEYS = /^(npm_config_|npm_package_config_node_gyp_)(nodedir|target|runtime|dist_?url|disturl|arch|target_arch|build_from_source)$/i

/** The environment for node-gyp: the caller's, without npm's build settings. */
export function electronBuildEnv(env) {
  const clean = {}
  const removed = []
  for (const [key, value] of Object.entries(env)) {
    if (FOREIGN_BUILD_KEYS.test(key)) removed.push(key)
    else clean[key] = value
  }
  return { env: clean, removed }
}

/** node-gyp's arguments for an Electron build: Electron's headers, from ELECTRON_HEADERS_DIR if given. */
export function electronGypArgs({ electronVersion, arch, headersDir }) {
  const args = ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers']
  if (headersDir) args.push(`--nodedir=${headersDir}`)
  return args
}

/** Module ABI (NODE_MODULE_VERSION) per Electron major, for when neither node-abi nor Electron's abi_version is at hand. */
export const ELECTRON_ABI_BY_MAJOR = {
  30: 123,
  31: 125,
  32: 128,
  33: 130,
  34: 132,
  35: 133,
  36: 135,
  37: 136,
  38: 139,
  39: 140,
  40: 143,
  41: 145,
  42: 146,
  43: 148,
  44: 149,
  45: 150,
  46: 154
}

/**
 * The ABI Electron `version` expects, and where that came from: node-abi if installed, else the
 * abi_version file the electron package ships, else the table above. Null when none knows it.
 */
export function expectedElectronAbi(root, version) {
  try {
    const nodeAbi = createRequire(join(root, 'package.json'))('node-abi')
    const abi = Number(nodeAbi.getAbi(version, 'electron'))
    if (Number.isInteger(abi)) return { abi, source: 'node-abi' }
  } catch {
    // not installed, or too old to know this Electron
  }
  const file = join(root, 'node_modules/electron/abi_version')
  if (existsSync(file)) {
    const abi = Number(readFileSync(file, 'utf8').trim())
    if (Number.isInteger(abi) && abi > 0) return { abi, source: 'electron/abi_version' }
  }
  const abi = ELECTRON_ABI_BY_MAJOR[Number(version.split('.')[0])]
  return abi ? { abi, source: 'table' } : null
}

/**
 * The ABI a built native module was compiled for, read from its bytes without loading it: a
 * module registers itself through the exported symbol node_register_module_v<ABI>. Null if absent.
 */
export function moduleAbiOf(bytes) {
  const found = new Set()
  const text = Buffer.from(bytes).toString('latin1')
  for (const m of text.matchAll(/node_register_module_v(\d+)/g)) found.add(Number(m[1]))
  return found.size === 1 ? [...found][0] : null
}

/** Throws, saying what to do, unless the built module is for Electron's ABI. */
export function checkElectronModule({ builtAbi, expected, electronVersion }) {
  if (!expected) throw new Error(`cannot tell which module ABI Electron ${electronVersion} expects (install node-abi, or update ELECTRON_ABI_BY_MAJOR)`)
  if (builtAbi === null) throw new Error('the built better_sqlite3.node declares no module ABI (node_register_module_v…): not a Node/Electron module build')
  if (builtAbi !== expected.abi) {
    throw new Error(
      `the built module has ABI ${builtAbi} but Electron ${electronVersion} expects ${expected.abi} (${expected.source}): ` +
        "it was compiled against other headers (npm nodedir? ELECTRON_HEADERS_DIR pointing at Node's headers?). Not installed."
    )
  }
}
