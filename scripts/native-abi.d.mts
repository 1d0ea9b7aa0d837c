// Types of scripts/native-abi.mjs, for its tests.
export function electronBuildEnv(env: Record<string, string | undefined>): { env: Record<string, string | undefined>; removed: string[] }
export function electronGypArgs(options: { electronVersion: string; arch: string; headersDir?: string }): string[]
export const ELECTRON_ABI_BY_MAJOR: Record<number, number>
export function expectedElectronAbi(root: string, version: string): { abi: number; source: string } | null
export function moduleAbiOf(bytes: Uint8Array): number | null
export function checkElectronModule(options: { builtAbi: number | null; expected: { abi: number; source: string } | null; electronVersion: string }): void
