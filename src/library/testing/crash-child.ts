// A child process for the crash-safety test, killed (SIGKILL) by the test while it works.
// import LIBRARY COUNT: imports COUNT distinct reports (one transaction each), printing "imported N".
// export LIBRARY OUT:   exports every report to XLSX, printing "progress" as it goes.

import { Library } from '../library'
import type { Extractor } from '../extractor'
import { handReport } from './fixtures'
import { templateKeys } from '../../core/template'

const [mode, libraryPath, arg] = process.argv.slice(2)
const library = new Library(libraryPath)

async function run(): Promise<void> {
  if (mode === 'import') {
    const cells = Object.fromEntries(templateKeys('2021').map((k, i) => [k, String(i % 9)]))
    const extract: Extractor = async (file) => ({ value: handReport(file.name, `测试${file.name}局`, 2022, cells), messages: [] })
    for (let i = 0; i < Number(arg); i++) {
      await library.importFile({ name: `crash-${i}.txt`, bytes: new TextEncoder().encode(`crash report ${i}`) }, extract)
      process.stdout.write(`imported ${i + 1}\n`)
    }
  } else if (mode === 'export') {
    // Each progress step lingers a little, so that the kill lands in the middle of the export.
    const pause = new Int32Array(new SharedArrayBuffer(4))
    const onProgress = (): void => {
      process.stdout.write('progress\n')
      Atomics.wait(pause, 0, 0, 20)
    }
    await library.export('xlsx', arg, { all: true, onProgress })
    process.stdout.write('done\n')
  }
  library.close()
}

void run()
