// The command line's extraction child when it runs from source (tests, `tsx src/cli/main.ts`):
// the app's child entry, in TypeScript, loaded through tsx. The built command line forks its
// bundled extraction-child.cjs instead.
import { tsImport } from 'tsx/esm/api'

await tsImport('../main/extraction-child.ts', import.meta.url)
