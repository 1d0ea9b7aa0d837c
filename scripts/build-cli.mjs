#!/usr/bin/env node
// Builds the command line as plain JavaScript (esbuild), as electron-vite builds main: starting
// `report-desk` then costs no TypeScript compilation and leaves no esbuild service behind.
// Two files in out/cli: the command (report-desk.cjs, run by bin/report-desk.mjs) and the
// extraction child it forks (extraction-child.cjs). npm install (prepare), npm test, score and
// bench build it first; the unit tests build it too (vitest's globalSetup), as one of them runs
// the built command.
//
//   node scripts/build-cli.mjs
import { build } from 'esbuild'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const CLI_OUT = join(root, 'out/cli')

async function buildCli() {
  await build({
    absWorkingDir: root,
    entryPoints: {
      'report-desk': join(root, 'src/cli/main.ts'),
      'extraction-child': join(root, 'src/main/extraction-child.ts')
    },
    outdir: CLI_OUT,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // A native module, and packages resolved at run time (ESM-only pdf.js, word-extractor), load from node_modules.
    // playwright-core (PDF working papers) finds its browser and driver files relative to its own folder.
    external: ['better-sqlite3', 'pdfjs-dist', 'word-extractor', 'electron', 'playwright-core'],
    logLevel: 'warning',
    legalComments: 'none'
  })
}

/** vitest's globalSetup. */
export default buildCli

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await buildCli()
  console.log(`built ${join(CLI_OUT, 'report-desk.cjs')} and extraction-child.cjs`)
}
