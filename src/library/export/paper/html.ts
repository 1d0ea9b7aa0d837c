// The print view of working papers: one self-contained HTML string with inline CSS, system Chinese
// fonts by family name, no script and nothing remote. Each paper starts on a new A4 landscape page;
// each paper's pages carry its agency and year in the header (named pages) and a page number.

import type { TableGrid } from './layout'
import type { TemplateId } from '../../../core/template'
import { cellName, cellNote, cellText, paperTitle, stamp, summaryPairs, tableStateText, UNKNOWN_AGENCY, type PaperTable, type WorkingPaper } from './data'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** Chinese system fonts by name (Windows, macOS, Linux), serif for a printed form. */
export const PAPER_FONTS = `"SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Droid Sans Fallback", serif`

const CSS = `
@page { size: A4 landscape; margin: 16mm 10mm 14mm 10mm;
  @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-family: ${PAPER_FONTS}; font-size: 8pt; }
}
* { box-sizing: border-box; }
body { margin: 0; font-family: ${PAPER_FONTS}; font-size: 9pt; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.paper { page-break-after: always; position: relative; }
.paper:last-child { page-break-after: auto; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 1mm; letter-spacing: 8px; }
.subtitle { font-size: 12pt; text-align: center; margin: 0 0 2mm; }
.banner { border: 2px solid #c00000; color: #c00000; font-size: 13pt; font-weight: bold; text-align: center; padding: 1.5mm; margin: 2mm 0; letter-spacing: 1px; }
.summary { margin: 2mm 0 1.5mm; }
.summary th { text-align: left; font-weight: normal; background: #f2f2f2; }
.watermark { position: absolute; top: 60mm; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: bold; color: rgba(192, 0, 0, 0.10); transform: rotate(-20deg); z-index: 0; pointer-events: none; }
.watermark.fixed { position: fixed; top: 38%; }
.legend { font-size: 7.5pt; color: #444; margin: 0 0 2mm; }
h2 { font-size: 10.5pt; margin: 4mm 0 1.5mm; page-break-after: avoid; }
h2.new-page { break-before: page; margin-top: 0; }
.state { color: #c00000; margin: 0 0 1mm; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; position: relative; z-index: 1; }
tr { page-break-inside: avoid; }
thead { display: table-header-group; }
th, td { border: 0.6pt solid #000; padding: 0.6mm 1mm; vertical-align: middle; }
th { background: #e7e6e6; font-weight: bold; text-align: center; }
td.label { text-align: left; }
td.group { text-align: center; white-space: nowrap; }
td.value { text-align: center; font-family: "Times New Roman", ${PAPER_FONTS}; }
td.corrected { background: #ffe699; }
td.typed { background: #ddebf7; }
td.blank, table.absent td.value { background: #f2f2f2; }
sup.n { font-size: 6pt; color: #c00000; }
.notes { font-size: 7.5pt; margin: 1mm 0 0; padding-left: 5mm; }
.list th, .list td { font-size: 8pt; text-align: left; }
.list td.num { text-align: center; }
.signature { margin-top: 4mm; page-break-inside: avoid; }
.signature td { height: 9mm; font-size: 10pt; border: 0.6pt solid #000; }
.signature td.k { width: 16%; text-align: center; background: #f7f7f7; }
.mono { font-family: "Consolas", "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: break-all; }
`

function gridTable(t: PaperTable, template: TemplateId, notes: string[]): string {
  const grid: TableGrid = t.grid
  const rows: { col: number; html: string }[][] = Array.from({ length: grid.rows }, () => [])
  const widths = grid.widths
  const total = widths.reduce((a, b) => a + b, 0)
  for (const g of grid.cells) {
    const span = `${g.rowSpan > 1 ? ` rowspan="${g.rowSpan}"` : ''}${g.colSpan > 1 ? ` colspan="${g.colSpan}"` : ''}`
    let html: string
    if (g.kind === 'head') html = `<th${span}>${escapeHtml(g.text)}</th>`
    else if (g.kind === 'label') html = `<td class="${g.rowSpan > 1 ? 'group' : 'label'}"${span}>${escapeHtml(g.text)}</td>`
    else {
      const cell = t.cells[g.key!]
      const note = cellNote(cell)
      const cls = ['value', cell?.correction ? (cell.typed ? 'typed' : 'corrected') : cell?.blank ? 'blank' : ''].filter(Boolean).join(' ')
      let mark = ''
      if (note) {
        // Named from the cell's spec, not the grid's geometry: in 表二 the head above a column is the
        // last block's (收费金额), and 表四 has no row label.
        notes.push(`${cellName(g.key!, template)}：${note}`)
        mark = `<sup class="n">${notes.length}</sup>`
      }
      html = `<td class="${cls}" data-key="${escapeHtml(g.key!)}"${span}>${escapeHtml(cellText(cell))}${mark}</td>`
    }
    rows[g.row].push({ col: g.col, html })
  }
  // HTML wants each row's cells left to right; the grid lists them level by level.
  const ordered = rows.map((r) => r.sort((a, b) => a.col - b.col).map((c) => c.html))
  const colgroup = `<colgroup>${widths.map((w) => `<col style="width:${((100 * w) / total).toFixed(2)}%">`).join('')}</colgroup>`
  const head = ordered
    .slice(0, grid.headRows)
    .map((r) => `<tr>${r.join('')}</tr>`)
    .join('')
  const body = ordered
    .slice(grid.headRows)
    .map((r) => `<tr>${r.join('')}</tr>`)
    .join('')
  return `<table class="form ${t.state === 'absent' ? 'absent' : ''}">${colgroup}${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table>`
}

function summaryTable(p: WorkingPaper): string {
  const rows: string[] = []
  let pending: string[] = []
  for (const pair of summaryPairs(p)) {
    const cells = `<th>${escapeHtml(pair.label)}</th><td${pair.wide ? ' colspan="5"' : ''}${pair.label === 'SHA-256' ? ' class="mono"' : ''}>${escapeHtml(pair.value)}</td>`
    if (pair.wide) {
      if (pending.length) rows.push(`<tr>${pending.join('')}</tr>`)
      pending = []
      rows.push(`<tr>${cells}</tr>`)
    } else {
      pending.push(cells)
      if (pending.length === 3) {
        rows.push(`<tr>${pending.join('')}</tr>`)
        pending = []
      }
    }
  }
  if (pending.length) rows.push(`<tr>${pending.join('')}</tr>`)
  return `<table class="summary"><colgroup><col style="width:9%"><col style="width:24%"><col style="width:9%"><col style="width:24%"><col style="width:9%"><col style="width:25%"></colgroup><tbody>${rows.join('')}</tbody></table>`
}

function side(s?: { label: string; value: number | null }): string {
  return s ? `${escapeHtml(s.label)} = ${s.value ?? '空白'}` : ''
}

function paperHtml(p: WorkingPaper, index: number, fixedMark: boolean): string {
  const notes: string[] = []
  const parts: string[] = []
  parts.push(`<section class="paper" data-report="${p.reportId}" data-page="paper${index}">`)
  if (!p.verified) parts.push(`<div class="watermark${fixedMark ? ' fixed' : ''}">未核验</div>`)
  parts.push(`<h1>核验底稿</h1><div class="subtitle">${escapeHtml(paperTitle(p))}</div>`)
  if (!p.verified) parts.push(`<div class="banner">未核验　此报告尚未核验（当前状态：${escapeHtml(p.statusLabel)}），本底稿仅供参考，不得作为核验结论</div>`)
  parts.push(summaryTable(p))
  parts.push(
    '<p class="legend">黄色底纹：核验人更正的单元格；蓝色底纹：原文无表格、由核验人填写；灰色：原文空白或原文无此表。右上角编号对应表下注释（原值、更正人、理由）。空白与“/”按原文照录。</p>'
  )
  for (const t of p.tables) {
    const tableNotes: string[] = []
    // 表三 fills a landscape page: it starts on its own rather than splitting after two rows.
    parts.push(`<h2${t.table === 'requests' ? ' class="new-page"' : ''}>${t.short}　${escapeHtml(t.grid.title)}</h2>`)
    const state = tableStateText(t)
    if (state) parts.push(`<p class="state">${escapeHtml(state)}</p>`)
    const before = notes.length
    parts.push(gridTable(t, t.template, notes))
    tableNotes.push(...notes.slice(before))
    if (tableNotes.length) parts.push(`<ol class="notes" start="${before + 1}">${tableNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ol>`)
  }
  parts.push('<h2>五、勾稽核验结果</h2>')
  parts.push(
    `<table class="list"><thead><tr><th>规则</th><th>通过</th><th>不一致</th><th>存疑</th><th>无法判断</th></tr></thead><tbody>${p.checks
      .map(
        (s) =>
          `<tr><td>${escapeHtml(s.ruleTitle)}</td><td class="num">${s.counts.pass}</td><td class="num">${s.counts.fail}</td><td class="num">${s.counts.uncertain}</td><td class="num">${s.counts.not_assessable}</td></tr>`
      )
      .join('')}</tbody></table>`
  )
  parts.push('<h2>六、未通过的核验项及处理</h2>')
  parts.push(
    `<table class="list"><thead><tr><th style="width:14%">规则</th><th style="width:9%">结果</th><th>说明</th><th style="width:14%">左侧</th><th style="width:14%">右侧</th><th style="width:20%">接受说明</th></tr></thead><tbody>${
      p.findings.length
        ? p.findings
            .map((f) => {
              const accepted = f.accepted
                ? `${escapeHtml(f.accepted.comment)}（${escapeHtml(f.accepted.by)}，${f.accepted.at.slice(0, 10)}）`
                : f.open
                  ? '未处理'
                  : ''
              return `<tr><td>${escapeHtml(f.ruleTitle)}</td><td>${escapeHtml(f.statusLabel)}</td><td>${escapeHtml(f.message)}</td><td>${side(f.left)}</td><td>${side(f.right)}</td><td>${accepted}</td></tr>`
            })
            .join('')
        : '<tr><td colspan="6">无</td></tr>'
    }</tbody></table>`
  )
  parts.push('<h2>七、核验记录（修改留痕）</h2>')
  parts.push(
    `<table class="list"><thead><tr><th style="width:22%">对象</th><th style="width:10%">原值</th><th style="width:10%">新值</th><th style="width:9%">操作人</th><th>理由</th><th style="width:17%">时间</th></tr></thead><tbody>${
      p.trail.length
        ? p.trail
            .map(
              (e) =>
                `<tr><td>${escapeHtml(e.target)}</td><td>${escapeHtml(e.oldRaw ?? '')}</td><td>${escapeHtml(e.newRaw ?? '')}</td><td>${escapeHtml(e.reviewer)}</td><td>${escapeHtml(e.reason ?? '')}</td><td>${stamp(e.at)}</td></tr>`
            )
            .join('')
        : '<tr><td colspan="6">无修改</td></tr>'
    }</tbody></table>`
  )
  parts.push(
    `<table class="signature"><tbody><tr><td class="k">核验人（签名）</td><td>${escapeHtml(p.verifiedBy ?? '')}</td><td class="k">日期</td><td>${p.verifiedAt ? stamp(p.verifiedAt).slice(0, 10) : ''}</td></tr><tr><td class="k">复核人（签名）</td><td></td><td class="k">日期</td><td></td></tr></tbody></table>`
  )
  parts.push('</section>')
  return parts.join('\n')
}

/** The whole print view of the papers: one HTML document, nothing loaded from anywhere. */
export function papersHtml(papers: readonly WorkingPaper[]): string {
  const title = papers.length === 1 ? `核验底稿 ${papers[0].agency ?? UNKNOWN_AGENCY} ${papers[0].year ?? ''}` : `核验底稿（${papers.length} 份）`
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escapeHtml(title)}</title><style>${CSS}${pageRules(papers)}</style></head><body>${papers
    .map((p, i) =>
      paperHtml(
        p,
        i,
        papers.every((x) => !x.verified)
      )
    )
    .join('\n')}</body></html>`
}

/**
 * `text` as a CSS string inside a <style> element: every ASCII character that is not a letter, digit
 * or space, and every control or line-separator character, as a CSS hex escape. So no 机关 can end
 * the string (a quote, a backslash, CR, LF or FF — CSS newlines) or the <style> element ("</style>"),
 * and whatever it holds is printed as written (issue 22, item 4: a crafted 机关 removed every 未核验
 * mark of a PDF and printed "伪造：已核验").
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[\x00-\x1f\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x9f\u2028\u2029]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)
  return `"${escaped}"`
}

/** Each paper's own page header (agency, year; 未核验 where so), through a named page's margin boxes. */
function pageRules(papers: readonly WorkingPaper[]): string {
  const quote = cssString
  return papers
    .map(
      (p, i) => `@page paper${i} {
  @top-left { content: ${quote(`${p.agency ?? UNKNOWN_AGENCY}　${p.year ?? ''} 年度`)}; font-family: ${PAPER_FONTS}; font-size: 8pt; }
  @top-right { content: ${quote(`核验底稿${p.verified ? '' : '　未核验'}`)}; font-family: ${PAPER_FONTS}; font-size: 8pt; color: ${p.verified ? '#000' : '#c00000'}; }
}
section.paper[data-page="paper${i}"] { page: paper${i}; }`
    )
    .join('\n')
}
