#!/usr/bin/env node
// Runs the built command line (out/cli, made by `npm run build:cli`; npm install, npm test,
// score and bench build it): plain JavaScript, so nothing is compiled at start.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const bundle = new URL('../out/cli/report-desk.cjs', import.meta.url)
if (!existsSync(bundle)) {
  process.stderr.write('命令行尚未构建，请先运行 npm run build:cli / the command line is not built: run `npm run build:cli`\n')
  process.exit(2)
}
const { main, exitQuietlyOnClosedStdout } = createRequire(import.meta.url)(bundle.pathname)
exitQuietlyOnClosedStdout()
process.exitCode = await main(process.argv.slice(2))
