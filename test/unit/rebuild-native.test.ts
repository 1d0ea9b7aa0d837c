// The decisions of scripts/rebuild-native.mjs for the Electron build of better-sqlite3 (issue 12):
// npm's nodedir is ignored, and a module built for another ABI is refused, not stamped. No
// Electron headers are needed: the Node build in node_modules stands in for a wrong build.

import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { checkElectronModule, ELECTRON_ABI_BY_MAJOR, electronBuildEnv, electronGypArgs, expectedElectronAbi, moduleAbiOf } from '../../scripts/native-abi.mjs'

const ROOT = resolve(__dirname, '../..')
const NODE_BUILD = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
const ELECTRON_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string

describe('the Electron build environment', () => {
  it.each([
    'npm_config_nodedir',
    'NPM_CONFIG_NODEDIR',
    'npm_config_target',
    'npm_config_runtime',
    'npm_config_dist_url',
    'npm_config_disturl',
    'npm_config_arch',
    'npm_package_config_node_gyp_nodedir'
  ])('drops %s (node-gyp would let it override its own arguments)', (key) => {
    const { env, removed } = electronBuildEnv({ [key]: '/usr', PATH: '/bin' })
    expect(env).toEqual({ PATH: '/bin' })
    expect(removed).toEqual([key])
  })

  it('keeps everything else, ELECTRON_HEADERS_DIR and npm cache settings included', () => {
    const given = { PATH: '/bin', ELECTRON_HEADERS_DIR: '/opt/electron-headers', npm_config_cache: '/c', npm_config_devdir: '/d', HOME: '/root' }
    expect(electronBuildEnv(given)).toEqual({ env: given, removed: [] })
  })

  it('points node-gyp at Electron: its headers directory when given, else Electron’s download', () => {
    const args = electronGypArgs({ electronVersion: '45.4.1', arch: 'x64' })
    expect(args).toContain('--runtime=electron')
    expect(args).toContain('--target=45.4.1')
    expect(args.some((a) => a.startsWith('--nodedir'))).toBe(false)
    expect(electronGypArgs({ electronVersion: '45.4.1', arch: 'x64', headersDir: '/opt/h' })).toContain('--nodedir=/opt/h')
  })
})

describe('the module ABI', () => {
  it('reads the ABI a native module was built for from its bytes (the Node build here: this Node’s)', () => {
    expect(moduleAbiOf(readFileSync(NODE_BUILD))).toBe(Number(process.versions.modules))
  })

  it.each([
    ['one registration symbol', '\0node_register_module_v150\0', 150],
    ['no registration symbol', '\0napi_register_module_v1\0', null],
    ['two different ones', 'node_register_module_v115 node_register_module_v150', null]
  ])('%s', (_, text, abi) => {
    expect(moduleAbiOf(Buffer.from(text, 'latin1'))).toBe(abi)
  })

  it('knows the ABI of the installed Electron, and of Electron 45 without node-abi or Electron’s abi_version', () => {
    const expected = expectedElectronAbi(ROOT, ELECTRON_VERSION)
    expect(expected?.abi).toBe(ELECTRON_ABI_BY_MAJOR[Number(ELECTRON_VERSION.split('.')[0])])
    const bare = mkdtempSync(join(tmpdir(), 'report-desk-abi-'))
    try {
      expect(expectedElectronAbi(bare, '45.4.1')).toEqual({ abi: 150, source: 'table' })
      expect(expectedElectronAbi(bare, '99.0.0')).toBeNull()
    } finally {
      rmSync(bare, { recursive: true, force: true })
    }
  })

  it('refuses a module built against Node’s headers as the Electron build, saying both ABIs', () => {
    const builtAbi = moduleAbiOf(readFileSync(NODE_BUILD))
    expect(() => checkElectronModule({ builtAbi, expected: { abi: 150, source: 'node-abi' }, electronVersion: '45.4.1' })).toThrow(
      new RegExp(`ABI ${builtAbi} but Electron 45.4.1 expects 150`)
    )
    expect(() => checkElectronModule({ builtAbi: null, expected: { abi: 150, source: 'node-abi' }, electronVersion: '45.4.1' })).toThrow(/no module ABI/)
    expect(() => checkElectronModule({ builtAbi: 150, expected: null, electronVersion: '99.0.0' })).toThrow(/cannot tell/)
  })

  it('accepts a module whose ABI is Electron’s', () => {
    expect(() => checkElectronModule({ builtAbi: 150, expected: { abi: 150, source: 'node-abi' }, electronVersion: '45.4.1' })).not.toThrow()
  })
})
