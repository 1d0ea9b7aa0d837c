#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx), so `npx report-desk` works right after `npm install`.
import { register } from 'tsx/esm/api'
import { fileURLToPath } from 'node:url'

register()
const entry = new URL('../src/cli/main.ts', import.meta.url)
const { main } = await import(fileURLToPath(entry))
process.exitCode = await main(process.argv.slice(2))
