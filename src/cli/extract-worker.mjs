// The command line's extraction worker: the app's worker entry, in TypeScript, loaded through tsx
// (a worker thread does not inherit the command's TypeScript loader).
import { tsImport } from 'tsx/esm/api'

await tsImport('../main/extract-worker.ts', import.meta.url)
