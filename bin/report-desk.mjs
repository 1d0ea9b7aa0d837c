#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx), so `npx report-desk` works right after `npm install`.
import { tsImport } from 'tsx/esm/api'

const { main } = await tsImport('../src/cli/main.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2))
