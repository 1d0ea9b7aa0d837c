// docs/screenshots/paper-*.png: the first pages of working papers (核验底稿) as printed — a seed
// report corrected and verified, and the 2019-format corpus report corrected but not yet verified.
// Needs a system Chromium and poppler's pdftoppm.   npx tsx scripts/paper-screenshot.ts

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Library } from '../src/library/library'
import { extractInProcess } from '../src/library/extractor'
import { chromiumPdfRenderer } from '../src/library/export/paper/chromium'

const ROOT = resolve(__dirname, '..')
const SHARED = resolve(ROOT, '../shared')
const OUT = join(ROOT, 'docs/screenshots')

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'report-desk-paper-'))
  try {
    const library = new Library(join(dir, 'library.sqlite'))
    const file = (path: string) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) })
    const [seed, corpus] = await library.importFiles(
      [file(join(SHARED, 'seeds/000_445a8fa4a95c6cf5.txt')), file(join(SHARED, 'corpus/files/006_pingtan_2019.txt'))],
      extractInProcess
    )
    if (seed.status !== 'imported' || corpus.status !== 'imported') throw new Error('import failed')
    library.setReviewer('王核验')
    library.editCell(seed.reportId, 'requests.new_received.natural', '7', '原文表三第一行自然人为 7，提取为 0')
    for (const f of library.getReport(seed.reportId).findings.filter((x) => x.status === 'fail' || x.status === 'uncertain')) {
      library.acceptFinding(seed.reportId, f.rule, f.cells, '原文如此，已与原文核对')
    }
    library.verifyReport(seed.reportId)
    library.editCell(corpus.reportId, 'appeals.review.upheld', '3', '原文表四行政复议结果维持为 3')
    const renderPdf = await chromiumPdfRenderer()
    for (const [id, name] of [
      [seed.reportId, 'paper-verified'],
      [corpus.reportId, 'paper-2019-unverified']
    ] as const) {
      const pdf = join(dir, `${name}.pdf`)
      await library.exportPapers({ ids: [id], format: 'pdf', outPath: pdf, renderPdf })
      execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, name)])
      renameSync(join(dir, `${name}.png`), join(OUT, `${name}.png`))
      console.log(`${join(OUT, `${name}.png`)}`)
    }
    library.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
