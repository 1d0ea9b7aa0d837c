// Generates the ingest fixtures: hand-shaped HTML reports in the official 2021 and 2019 forms
// (real labels, the real rowspans/colspans, table 四's header one character per line), a
// Traditional-Chinese one, a GBK page wrapped in a layout table with site chrome, and .docx
// made from the HTML by LibreOffice (real Word tables). Each file gets a truth JSON beside it.
//
//   npx tsx scripts/make-fixtures.ts          (needs `soffice` for the .docx)
//   npx tsx scripts/make-fixtures.ts --split  (only the split-table reports of test/fixtures/split)

import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import * as OpenCC from 'opencc-js'
import {
  active2019,
  active2021,
  appealsTable,
  COLUMNS,
  DENIED,
  NOT_PROCESSED,
  OTHER_2021,
  prng,
  requestsTable,
  shown,
  td,
  UNABLE,
  type Cells
} from './official-tables'

const ROOT = join(__dirname, '..', 'test', 'fixtures')
const HTML_DIR = join(ROOT, 'html')
const DOCX_DIR = join(ROOT, 'docx')

interface Spec {
  name: string
  template: '2021' | '2019'
  agency: string
  year: number
  seed: number
  /** Applicant columns left blank (&nbsp;) in table 三 — null in the truth, never 0. */
  blankColumns?: number[]
}

/** Table 三's numbers, consistent: new + carried = total(七) + carried forward, per column. */
function requestNumbers(spec: Spec): { cells: Cells; resultKeys: string[] } {
  const rnd = prng(spec.seed)
  const resultKeys = [
    'granted',
    'partially_granted',
    ...DENIED.rows.map((r) => r[0]),
    ...UNABLE.rows.map((r) => r[0]),
    ...NOT_PROCESSED.rows.map((r) => r[0]),
    ...(spec.template === '2021' ? OTHER_2021.rows.map((r) => r[0]) : ['other'])
  ]
  const cells: Cells = {}
  const put = (row: string, values: number[]): void => {
    const six = values.slice(0, 6)
    six.forEach((v, i) => (cells[`requests.${row}.${COLUMNS[i]}`] = spec.blankColumns?.includes(i) ? null : v))
    cells[`requests.${row}.total`] = six.reduce((a, b) => a + b, 0)
  }
  const results = resultKeys.map(() => [0, 1, 2, 3, 4, 5].map((c) => (spec.blankColumns?.includes(c) ? 0 : Math.floor(rnd() * rnd() * (c === 0 ? 40 : 4)))))
  const total = [0, 1, 2, 3, 4, 5].map((c) => results.reduce((s, r) => s + r[c], 0))
  const forward = total.map((t, c) => (spec.blankColumns?.includes(c) ? 0 : Math.floor(rnd() * 5)))
  const carried = total.map((t, c) => Math.min(t + forward[c], Math.floor(rnd() * 6)))
  put(
    'new_received',
    total.map((t, c) => t + forward[c] - carried[c])
  )
  put('carried_over', carried)
  resultKeys.forEach((k, i) => put(k, results[i]))
  put('total', total)
  put('carried_forward', forward)
  return { cells, resultKeys }
}

function appealNumbers(rnd: () => number): Cells {
  const cells: Cells = {}
  for (const group of ['review', 'litigation_direct', 'litigation_after_review']) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((p) => [p, Math.floor(rnd() * rnd() * 6)] as const)
    for (const [p, v] of parts) cells[`appeals.${group}.${p}`] = v
    cells[`appeals.${group}.total`] = parts.reduce((s, [, v]) => s + v, 0)
  }
  return cells
}

const TABLE_OPEN = '<table border="1" cellspacing="0" cellpadding="4">'

/** Table 四 as three tables, one per group, each with its own header row (issue #15). */
function appealsInThree(c: Cells, titled: 'heading' | 'caption-row'): string {
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
  const parts = ['upheld', 'corrected', 'other', 'pending', 'total']
  const groups: [string, string][] = [
    ['review', '行政复议'],
    ['litigation_direct', '行政诉讼（未经复议直接起诉）'],
    ['litigation_after_review', '行政诉讼（复议后起诉）']
  ]
  return groups
    .map(([g, title], i) => {
      const caption = titled === 'heading' ? `<p>（${'一二三'[i]}）${title}</p>\n${TABLE_OPEN}` : `${TABLE_OPEN}\n<tr>${td(title, 'colspan="5"')}</tr>`
      return `${caption}\n<tr>${heads.map((h) => td(h)).join('')}</tr>\n<tr>${parts.map((p) => td(shown(c[`appeals.${g}.${p}`]))).join('')}</tr>\n</table>`
    })
    .join('\n<p>&nbsp;</p>\n')
}

/**
 * The report's tables published in pieces, as some agencies do: 二 one table per 第二十条 item,
 * 三 cut after its header rows ('header') or closed and reopened before （五）不予处理 with the
 * header repeated ('midway': the 三、本年度办理结果 column's merged cell split in two, as Word
 * splits it), 四 as three tables.
 */
function splitTables(body: string, appeals: Cells, style: 'header' | 'midway'): string {
  const tables = body.match(/<table[\s\S]*?<\/table>/g)!
  const gap = `\n</table>\n<p>&nbsp;</p>\n${TABLE_OPEN}\n`
  const active = tables[0].replace(/\n(?=<tr><td colspan="[45]"><p align="center">第二十条第（[^一])/g, gap)
  const rows = tables[1].split('\n')
  const header = rows.slice(1, 4)
  let requests: string
  if (style === 'header') {
    requests = [...rows.slice(0, 4), gap.trim(), ...rows.slice(4)].join('\n')
  } else {
    const resultsAt = rows.findIndex((r) => r.includes('三、本年度办理结果'))
    const cut = rows.findIndex((r) => r.includes('（五）不予处理'))
    const total = Number(/rowspan="(\d+)"/.exec(rows[resultsAt])![1])
    const before = cut - resultsAt
    const first = rows.slice(0, cut).map((r, i) => (i === resultsAt ? r.replace(`rowspan="${total}"`, `rowspan="${before}"`) : r))
    const rest = rows.slice(cut)
    rest[0] = rest[0].replace('<tr>', `<tr>${td('&nbsp;', `rowspan="${total - before}"`)}`)
    requests = [...first, gap.trim(), ...header, ...rest].join('\n')
  }
  return body
    .replace(tables[0], active)
    .replace(tables[1], requests)
    .replace(tables[2], appealsInThree(appeals, style === 'header' ? 'heading' : 'caption-row'))
}

function activeNumbers(spec: Spec, rnd: () => number): Cells {
  const n = (max: number): number => Math.floor(rnd() * max)
  if (spec.template === '2021') {
    return {
      'active.regulations.issued': 0,
      'active.regulations.repealed': 0,
      'active.regulations.in_force': n(3),
      'active.normative_documents.issued': n(9),
      'active.normative_documents.repealed': n(4),
      'active.normative_documents.in_force': 10 + n(60),
      'active.licensing.decisions': 100 + n(5000),
      'active.punishment.decisions': n(300),
      'active.coercion.decisions': n(20),
      'active.fees.amount': Math.round(rnd() * 100000) / 100
    }
  }
  return {
    'active.regulations.made': n(5),
    'active.regulations.published': n(5),
    'active.regulations.total_public': 10 + n(500),
    'active.normative_documents.made': n(60),
    'active.normative_documents.published': n(60),
    'active.normative_documents.total_public': n(400),
    'active.licensing.previous_items': n(200),
    'active.licensing.change': -3,
    'active.licensing.decisions': n(9000),
    'active.other_services.previous_items': n(50),
    'active.other_services.change': 2,
    'active.other_services.decisions': n(300),
    'active.punishment.previous_items': n(100),
    'active.punishment.change': 0,
    'active.punishment.decisions': n(500),
    'active.coercion.previous_items': n(10),
    'active.coercion.change': 0,
    'active.coercion.decisions': n(10),
    'active.fees.previous_items': n(5),
    'active.fees.change': 0,
    'active.procurement.items': n(20),
    'active.procurement.amount': 1000 + n(900000)
  }
}

interface Built {
  body: string
  truth: object
  appeals: Cells
}

function buildReport(spec: Spec): Built {
  const rnd = prng(spec.seed * 31 + 7)
  const active = activeNumbers(spec, rnd)
  const { cells: requests } = requestNumbers(spec)
  const appeals = appealNumbers(rnd)
  const title = `${spec.agency}${spec.year}年政府信息公开工作年度报告`
  const body = `<h1 align="center">${title}</h1>
<p>本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。报告中所列数据的统计期限自${spec.year}年1月1日起至${spec.year}年12月31日止。</p>
<p>一、总体情况</p>
<p>${spec.year}年，${spec.agency}认真贯彻落实《条例》，全年主动公开政府信息${100 + Math.floor(rnd() * 900)}条。</p>
<p>二、主动公开政府信息情况</p>
${spec.template === '2021' ? active2021(active) : active2019(active)}
<p>三、收到和处理政府信息公开申请情况</p>
${requestsTable(spec.template, requests)}
<p>四、政府信息公开行政复议、行政诉讼情况</p>
${appealsTable(appeals)}
<p>五、存在的主要问题及改进情况</p>
<p>一是公开内容的全面性有待提高；二是政策解读形式较为单一。</p>
<p>六、其他需要报告的事项</p>
<p>本年度未收取信息处理费。</p>
<p align="right">${spec.agency}</p>
<p align="right">${spec.year + 1}年1月20日</p>`
  const truth = {
    schema: 'report-desk/truth@1',
    source: '',
    meta: { agency: [spec.agency], year: spec.year, template: spec.template },
    tables: { active: 'found', requests: 'found', appeals: 'found' },
    cells: { ...active, ...requests, ...appeals }
  }
  return { body, truth, appeals }
}

function page(title: string, body: string, charset = 'utf-8'): string {
  return `<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=${charset}">\n<title>${title}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
}

/** The GBK page: a portal's layout table around the report, with menus, scripts and a footer. */
function portalPage(title: string, body: string): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>${title}_南岭县人民政府门户网站</title>
<style>body{font-size:14px;background:url(/images/bg.gif)}</style>
<script src="/js/jquery.js"></script><script>var visits = 0; document.write('<p>统计</p>');</script>
</head><body>
<div id="header"><a href="/">首页</a> <a href="/xxgk/">信息公开</a> <a href="/zwfw/">政务服务</a> <a href="/hdjl/">互动交流</a></div>
<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center"><tr>
<td width="200" valign="top"><ul class="leftmenu"><li><a href="/a">信息公开指南</a></li><li><a href="/b">信息公开制度</a></li><li><a href="/c">信息公开年报</a></li><li><a href="/d">依申请公开</a></li></ul></td>
<td width="800" valign="top"><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; 年报</div>
<div class="content">
${body}
</div></td></tr></table>
<div class="footer">主办单位：南岭县人民政府办公室 &nbsp; 技术支持：某某网络公司 <a href="/sitemap">网站地图</a> <a href="/contact">联系我们</a> <a href="/about">关于本站</a></div>
<script>visits++;</script>
</body></html>
`
}

function writeTruth(dir: string, file: string, truth: object): void {
  writeFileSync(join(dir, file.replace(/\.[a-z]+$/, '.json')), JSON.stringify({ ...truth, source: file }, null, 1) + '\n')
}

function toDocx(htmlPath: string, docxName: string): void {
  const out = join(DOCX_DIR, '.lo')
  mkdirSync(out, { recursive: true })
  execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, htmlPath], { stdio: 'ignore', timeout: 120_000 })
  const produced = join(
    out,
    htmlPath
      .split('/')
      .pop()!
      .replace(/\.html$/, '.docx')
  )
  renameSync(produced, join(DOCX_DIR, docxName))
  rmSync(out, { recursive: true, force: true })
}

/**
 * LibreOffice's own HTML exports of a .docx — XHTML (xslt filter) and classic StarWriter HTML
 * (re-encoded to GBK with its meta charset rewritten, also keeping it under 100 KB).
 */
function exportHtml(docxName: string, filter: string, outName: string, gbk: boolean): void {
  const out = join(HTML_DIR, '.lo')
  mkdirSync(out, { recursive: true })
  const copy = join(out, outName.replace(/\.html$/, '.docx'))
  writeFileSync(copy, readFileSync(join(DOCX_DIR, docxName)))
  execFileSync('soffice', ['--headless', '--convert-to', filter, '--outdir', out, copy], { stdio: 'ignore', timeout: 120_000 })
  let html = readFileSync(copy.replace(/\.docx$/, '.html'), 'utf8')
  if (gbk) html = html.replace(/charset=utf-8/i, 'charset=gbk')
  writeFileSync(join(HTML_DIR, outName), gbk ? iconv.encode(html, 'gbk') : html)
  rmSync(out, { recursive: true, force: true })
}

const SPLIT_DIR = join(ROOT, 'split')

/** Converts an HTML report with soffice (docx or odt) into `dir` under `name`. */
function convert(htmlPath: string, filter: string, dir: string, name: string): void {
  const out = join(dir, '.lo')
  mkdirSync(out, { recursive: true })
  execFileSync('soffice', ['--headless', '--convert-to', filter, '--outdir', out, htmlPath], { stdio: 'ignore', timeout: 120_000 })
  const produced = join(
    out,
    htmlPath
      .split('/')
      .pop()!
      .replace(/\.html$/, '.' + name.split('.').pop())
  )
  renameSync(produced, join(dir, name))
  rmSync(out, { recursive: true, force: true })
}

/** Split-table reports (issue #15) as HTML, .docx and .odt: `npx tsx scripts/make-fixtures.ts --split`. */
function makeSplit(): void {
  mkdirSync(SPLIT_DIR, { recursive: true })
  const specs: [Spec, 'header' | 'midway', string[]][] = [
    [{ name: 'split_2021_qingshan', template: '2021', agency: '青山区司法局', year: 2023, seed: 61 }, 'header', ['docx', 'odt']],
    [{ name: 'split_2019_baihe', template: '2019', agency: '白河县人民政府办公室', year: 2020, seed: 73 }, 'midway', ['docx']]
  ]
  for (const [spec, style, formats] of specs) {
    const built = buildReport(spec)
    const htmlFile = `${spec.name}.html`
    writeFileSync(join(SPLIT_DIR, htmlFile), page(`${spec.agency}${spec.year}年政府信息公开工作年度报告`, splitTables(built.body, built.appeals, style)))
    writeTruth(SPLIT_DIR, htmlFile, built.truth)
    for (const format of formats) {
      const dir = join(SPLIT_DIR, format)
      mkdirSync(dir, { recursive: true })
      convert(join(SPLIT_DIR, htmlFile), format === 'docx' ? 'docx:MS Word 2007 XML' : 'odt', dir, `${spec.name}.${format}`)
      writeTruth(dir, `${spec.name}.${format}`, built.truth)
    }
  }
}

function main(): void {
  if (process.argv.includes('--split')) return makeSplit()
  mkdirSync(HTML_DIR, { recursive: true })
  mkdirSync(DOCX_DIR, { recursive: true })
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })
  const specs: (Spec & { traditional?: boolean })[] = [
    { name: 'lo_2021_linchuan', template: '2021', agency: '临川市市场监督管理局', year: 2022, seed: 11 },
    { name: 'lo_2019_donghu', template: '2019', agency: '东湖区人民政府办公室', year: 2019, seed: 23, blankColumns: [2, 3] },
    { name: 'lo_2021_beishan_hant', template: '2021', agency: '北山县应急管理局', year: 2023, seed: 37, traditional: true }
  ]
  for (const spec of specs) {
    const built = buildReport(spec)
    let html = page(`${spec.agency}${spec.year}年政府信息公开工作年度报告`, built.body)
    if (spec.traditional) html = toTraditional(html)
    const htmlFile = `${spec.name}.html`
    writeFileSync(join(HTML_DIR, htmlFile), html)
    writeTruth(HTML_DIR, htmlFile, built.truth)
    if (process.argv.includes('--no-docx')) continue
    toDocx(join(HTML_DIR, htmlFile), `${spec.name}.docx`)
    writeTruth(DOCX_DIR, `${spec.name}.docx`, built.truth)
  }
  if (!process.argv.includes('--no-docx')) {
    exportHtml('lo_2019_donghu.docx', 'html:XHTML Writer File:UTF8', 'lo_2019_donghu_xhtml_export.html', false)
    writeTruth(HTML_DIR, 'lo_2019_donghu_xhtml_export.html', buildReport(specs[1]).truth)
    exportHtml('lo_2021_linchuan.docx', 'html:HTML (StarWriter)', 'gbk_2021_linchuan_writer_export.html', true)
    writeTruth(HTML_DIR, 'gbk_2021_linchuan_writer_export.html', buildReport(specs[0]).truth)
  }
  const gbkSpec: Spec = { name: 'gbk_2021_nanling_portal', template: '2021', agency: '南岭县人民政府', year: 2021, seed: 51, blankColumns: [3] }
  const gbk = buildReport(gbkSpec)
  const gbkFile = `${gbkSpec.name}.html`
  writeFileSync(join(HTML_DIR, gbkFile), iconv.encode(portalPage(`${gbkSpec.agency}${gbkSpec.year}年政府信息公开工作年度报告`, gbk.body), 'gbk'))
  writeTruth(HTML_DIR, gbkFile, gbk.truth)
  if (!existsSync(join(DOCX_DIR, 'lo_2021_linchuan.docx')) && !process.argv.includes('--no-docx')) throw new Error('soffice produced nothing')
}

main()
