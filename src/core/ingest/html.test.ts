import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { htmlToDocument } from './html'
import { MAX_OPEN_SPANS, placeCells, type PlacementWork } from './html-grid'
import { rowspanZeroHtml } from '../../../scripts/hostile-files'
import { collapseWhitespace } from './html-text'
import type { SourceDocument, Table } from '../document'
import { ingest } from './index'

const ROOT = join(__dirname, '..', '..', '..')
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'files')
const FIXTURES = join(ROOT, 'test', 'fixtures')

function read(html: string): SourceDocument {
  const result = htmlToDocument(html)
  expect(result.value).not.toBeNull()
  return result.value!
}
const tables = (doc: SourceDocument): Table[] => doc.blocks.filter((b): b is Table => b.kind === 'table')
/** Grid view of a table: "row,col:text" for every cell. */
const grid = (doc: SourceDocument, t: Table): string[] => t.rows.flat().map((c) => `${c.row},${c.col}:${doc.text.slice(c.start, c.end)}`)
const cellAt = (doc: SourceDocument, t: Table, row: number, col: number): string | undefined => {
  const cell = t.rows.flat().find((c) => c.row === row && c.col === col)
  return cell && doc.text.slice(cell.start, cell.end)
}

describe('span expansion (occupancy grid)', () => {
  it.each([
    [
      'plain 2×2',
      [
        [
          { colSpan: 1, rowSpan: 1 },
          { colSpan: 1, rowSpan: 1 }
        ],
        [
          { colSpan: 1, rowSpan: 1 },
          { colSpan: 1, rowSpan: 1 }
        ]
      ],
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1]
      ]
    ],
    [
      'rowspan pushes the next row right',
      [
        [
          { colSpan: 1, rowSpan: 2 },
          { colSpan: 1, rowSpan: 1 }
        ],
        [{ colSpan: 1, rowSpan: 1 }]
      ],
      [
        [0, 0],
        [0, 1],
        [1, 1]
      ]
    ],
    [
      'colspan then rowspan in the middle',
      [
        [
          { colSpan: 2, rowSpan: 1 },
          { colSpan: 1, rowSpan: 3 },
          { colSpan: 1, rowSpan: 1 }
        ],
        [
          { colSpan: 1, rowSpan: 1 },
          { colSpan: 1, rowSpan: 1 },
          { colSpan: 1, rowSpan: 1 }
        ],
        [{ colSpan: 3, rowSpan: 1 }]
      ],
      [
        [0, 0],
        [0, 2],
        [0, 3],
        [1, 0],
        [1, 1],
        [1, 3],
        [2, 0]
      ]
    ],
    [
      'nested rowspans (table 三 label columns)',
      [
        [
          { colSpan: 1, rowSpan: 3 },
          { colSpan: 1, rowSpan: 2 },
          { colSpan: 1, rowSpan: 1 }
        ],
        [{ colSpan: 1, rowSpan: 1 }],
        [{ colSpan: 2, rowSpan: 1 }]
      ],
      [
        [0, 0],
        [0, 1],
        [0, 2],
        [1, 2],
        [2, 1]
      ]
    ],
    [
      'rowspan="0" runs to the end',
      [
        [
          { colSpan: 1, rowSpan: 0 },
          { colSpan: 1, rowSpan: 1 }
        ],
        [{ colSpan: 1, rowSpan: 1 }],
        [{ colSpan: 1, rowSpan: 1 }]
      ],
      [
        [0, 0],
        [0, 1],
        [1, 1],
        [2, 1]
      ]
    ]
  ])('%s', (_, rows, expected) => {
    expect(
      placeCells(rows)
        .flat()
        .map((s) => [s.row, s.col])
    ).toEqual(expected)
  })

  it('clamps a hostile rowspan to the table and stays fast', () => {
    const rows = [[{ colSpan: 1000, rowSpan: 65534 }], ...Array.from({ length: 2000 }, () => [{ colSpan: 1, rowSpan: 1 }])]
    const started = performance.now()
    const placed = placeCells(rows)
    expect(performance.now() - started).toBeLessThan(200)
    expect(placed[0][0].rowSpan).toBe(2001)
    expect(placed[5][0].col).toBe(1000)
  })

  const plain = { colSpan: 1, rowSpan: 1 }
  const toEnd = { colSpan: 1, rowSpan: 0 }
  it.each([
    ['rowspan="0" first in every row', (_r: number) => [toEnd, ...Array(7).fill(plain)], (r: number) => r],
    ['rowspan="0" last in every row', (_r: number) => [...Array(7).fill(plain), toEnd], () => 0],
    ['every cell rowspan="0"', (_r: number) => Array(8).fill(toEnd), (r: number) => 8 * r]
  ])('%s: the work grows with the cells, not with rows × rows', (_, row, firstCol) => {
    const work: PlacementWork = { steps: 0 }
    const rows = Array.from({ length: 20_000 }, (_, r) => row(r))
    const placed = placeCells(rows, work)
    // Before, every row walked (and sorted) every span opened above it: 20 000² steps.
    expect(work.steps).toBeLessThan(4 * 8 * 20_000)
    expect(placed[19_999][0].col).toBe(firstCol(19_999))
    expect(placed[19_999][0].rowSpan).toBe(1)
    expect(placed[0][placed[0].length - 1].rowSpan).toBe(row(0)[7].rowSpan === 0 ? 20_000 : 1)
  })

  it('a row span ending on a row of its own in every row: the work stays in proportion, the spans past the bound are cut', () => {
    const rows = (n: number) => Array.from({ length: n }, () => [{ colSpan: 1, rowSpan: n / 2 }, ...Array(7).fill(plain)])
    const steps = (n: number): PlacementWork => {
      const work: PlacementWork = { steps: 0 }
      placeCells(rows(n), work)
      return work
    }
    const [small, large] = [steps(4_000), steps(8_000)]
    // Before, every row walked the n/2 spans open above it: 8 000 rows took 4 times the steps of 4 000.
    expect(large.steps / small.steps).toBeLessThan(2.5)
    expect(large.steps).toBeLessThan((MAX_OPEN_SPANS + 3 * 8) * 8_000)
    expect(large.cutSpans).toBe(4_000 - MAX_OPEN_SPANS) // from row 4 000 on the spans reach the last row and join
    const placed = placeCells(rows(8_000))
    expect(placed[MAX_OPEN_SPANS - 1][0]).toMatchObject({ col: MAX_OPEN_SPANS - 1, rowSpan: 4_000 })
    expect(placed[MAX_OPEN_SPANS][0]).toMatchObject({ col: MAX_OPEN_SPANS, rowSpan: 1 })
    expect(placed[MAX_OPEN_SPANS + 1][0]).toMatchObject({ col: MAX_OPEN_SPANS, rowSpan: 1 })
  })

  it('says in Chinese which table had its spans cut, and keeps every cell', () => {
    const body = Array.from({ length: 400 }, (_, r) => `<tr><td rowspan="300">行${r}</td><td>${r}</td></tr>`).join('')
    const result = htmlToDocument(`<p>前言</p><table><tr><td>a</td><td>b</td></tr></table><table>${body}</table>`)
    const [, t] = tables(result.value!)
    expect(t.rows.flat()).toHaveLength(800)
    expect(result.messages).toEqual([
      expect.objectContaining({
        type: 'warning',
        code: 'ingest.html_too_many_spans',
        message: expect.stringMatching(/^网页第 2 个表格同时跨行的单元格超过 100 个.*其后 200 个跨行单元格按不跨行读取（文字均已读取）/)
      })
    ])
  })

  it('reads a 20 000-row page whose rows all start with rowspan="0" (quadratic before: minutes)', () => {
    const doc = read(rowspanZeroHtml(20_000))
    const [t] = tables(doc)
    expect(t.rows).toHaveLength(20_000)
    expect(t.rows[19_999].map((c) => c.col)).toEqual([19_999, 20_000, 20_001, 20_002, 20_003, 20_004, 20_005, 20_006])
  })
})

describe('HTML tables', () => {
  it('the 2021 table 三 header and label columns land on the official grid', () => {
    const doc = read(`<table>
      <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：…）</td><td colspan="7">申请人情况</td></tr>
      <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
      <tr><td>商业<br>企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
      <tr><td rowspan="3">三、本年度办理结果</td><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>21</td></tr>
      <tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
      <tr><td colspan="2">（七）总计</td><td>7</td><td>&nbsp;</td><td>/</td><td>-</td><td></td><td>0</td><td>7</td></tr>
    </table>`)
    const [t] = tables(doc)
    expect(cellAt(doc, t, 1, 3)).toBe('自然人')
    expect(cellAt(doc, t, 1, 9)).toBe('总计')
    expect(cellAt(doc, t, 2, 4)).toBe('商业\n企业')
    expect(cellAt(doc, t, 2, 8)).toBe('其他')
    expect(cellAt(doc, t, 4, 2)).toBe('2.其他法律行政法规禁止公开')
    expect(cellAt(doc, t, 4, 3)).toBe('0')
    expect(cellAt(doc, t, 5, 1)).toBe('（七）总计')
    expect(cellAt(doc, t, 5, 3)).toBe('7')
    expect(cellAt(doc, t, 5, 4)).toBe('') // &nbsp; is blank, not 0
    expect(cellAt(doc, t, 5, 5)).toBe('/')
    expect(cellAt(doc, t, 5, 6)).toBe('-')
    expect(t.rows[3][0]).toMatchObject({ row: 3, col: 0, rowSpan: 3, colSpan: 1 })
  })

  it('every cell and paragraph offset slices exactly its text', () => {
    for (const path of [join(CORPUS, '004_shanghai_gov_office_2019.html'), join(CORPUS, '005_shuyang_fgj_2023.html')].filter(existsSync)) {
      const doc = read(readFileSync(path, 'utf8'))
      let previousEnd = 0
      for (const block of doc.blocks) {
        expect(block.start).toBeGreaterThanOrEqual(previousEnd)
        previousEnd = block.end
        if (block.kind === 'paragraph') {
          const text = doc.text.slice(block.start, block.end)
          expect(text).toBe(text.trim())
          expect(text).not.toContain('\n')
          expect(text.length).toBeGreaterThan(0)
        } else {
          for (const cell of block.rows.flat()) {
            const text = doc.text.slice(cell.start, cell.end)
            expect(text).toBe(text.trim())
            expect(text).not.toMatch(/\t/)
          }
        }
      }
      // The text is exactly the blocks joined by their separators.
      expect(doc.text.length).toBe(doc.blocks[doc.blocks.length - 1].end)
    }
  })

  it('corpus 004 (fragment, spans, &nbsp; blanks): table 三 values on the grid', async () => {
    const path = join(CORPUS, '004_shanghai_gov_office_2019.html')
    if (!existsSync(path)) return
    const doc = (await ingest({ name: 'x', bytes: new Uint8Array(readFileSync(path)) })).value!
    const [active, requests, appeals] = tables(doc)
    expect(cellAt(doc, active, 1, 1)).toBe('本年新\n制作数量')
    expect(cellAt(doc, active, 17, 3)).toBe('251000元')
    expect(cellAt(doc, requests, 3, 3)).toBe('821')
    expect(cellAt(doc, requests, 3, 4)).toBe('35')
    expect(cellAt(doc, requests, 3, 5)).toBe('')
    expect(cellAt(doc, requests, 3, 9)).toBe('859')
    expect(grid(doc, appeals).at(-15)).toMatch(/^3,0:5$/)
  })

  it('corpus 005 (Word-paste spans, chrome): numbers split across spans are joined, chrome and scripts are gone', () => {
    const path = join(CORPUS, '005_shuyang_fgj_2023.html')
    if (!existsSync(path)) return
    const doc = read(readFileSync(path, 'utf8'))
    expect(doc.text).toContain('统计时限为2023年1月1日至2023年12月31日')
    expect(doc.text).toContain('0527—83593059')
    expect(doc.text).not.toMatch(/function|getFullYear|走进沭阳|办事服务/)
    const ts = tables(doc)
    const appeals = ts[ts.length - 1]
    expect(cellAt(doc, appeals, 1, 1)).toBe('结果纠正')
    expect(
      grid(doc, appeals)
        .slice(-15)
        .map((c) => c.split(':')[1])
    ).toEqual(['0', '0', '0', '1', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'])
  })

  it('nested paragraphs and <br> inside a cell are line breaks; inline tags add nothing', () => {
    const doc = read('<table><tr><td><p>本年新</p><p><span>制作</span><font>数量</font></p></td><td><span>1</span><span>2</span>3</td></tr></table>')
    const [t] = tables(doc)
    expect(cellAt(doc, t, 0, 0)).toBe('本年新\n制作数量')
    expect(cellAt(doc, t, 0, 1)).toBe('123')
  })

  it('source line breaks inside a Chinese label vanish, between Latin words they are a space', () => {
    expect(collapseWhitespace('行政\n        复议')).toBe('行政复议')
    expect(collapseWhitespace('自 然 人')).toBe('自 然 人')
    expect(collapseWhitespace('Report\n  2021')).toBe('Report 2021')
    expect(collapseWhitespace('\u00a0\u00a0')).toBe('')
  })

  it('layout tables do not swallow the data tables inside them', () => {
    const doc = read(`<table width="1000"><tr>
      <td><ul><li>菜单一</li></ul></td>
      <td><p>二、主动公开政府信息情况</p>
        <table border="1"><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>3</td></tr></table>
        <p>三、收到和处理政府信息公开申请情况</p>
        <table border="1"><tr><td>自然人</td><td>总计</td></tr><tr><td>5</td><td>5</td></tr></table>
      </td></tr></table>`)
    const ts = tables(doc)
    expect(ts).toHaveLength(2)
    expect(ts.map((t) => t.index)).toEqual([0, 1])
    expect(cellAt(doc, ts[0], 1, 1)).toBe('3')
    expect(doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => doc.text.slice(b.start, b.end))).toEqual([
      '菜单一',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况'
    ])
  })

  it('a single-cell frame table is read as paragraphs', () => {
    const doc = read('<table><tr><td><p>标题</p><p>正文</p></td></tr></table>')
    expect(tables(doc)).toHaveLength(0)
    expect(doc.text).toBe('标题\n正文')
  })

  it('skips scripts, styles, hidden elements, nav/footer chrome and link lists, but keeps titles', () => {
    const doc = read(`<html><head><title>某局2022年政府信息公开工作年度报告_某市人民政府</title><style>p{color:red}</style></head><body>
      <nav><a href="/">首页</a></nav>
      <div class="header"><a href="/a">导航一</a><a href="/b">导航二</a></div>
      <div id="breadcrumb">当前位置：<a href="/">首页</a></div>
      <ul><li><a href="/1">链接一</a></li><li><a href="/2">链接二</a></li><li><a href="/3">链接三</a></li></ul>
      <article><header><h1>某局2022年政府信息公开工作年度报告</h1></header>
      <p>正文<script>document.write("注入")</script><noscript>请启用脚本</noscript></p>
      <p style="display: none">隐藏内容</p><template><p>模板</p></template>
      <div hidden>也隐藏</div><!-- 注释 --></article>
      <footer>版权所有</footer></body></html>`)
    expect(doc.text).toBe('某局2022年政府信息公开工作年度报告\n正文')
  })

  it('chrome rules never touch data cells, and a named block without links is kept', () => {
    const doc = read(
      '<div class="title-head">某局2022年年度报告</div><table><tr><td><div class="th-head">自然人</div></td><td><span class="nav">5</span></td></tr></table>'
    )
    expect(doc.text).toBe('某局2022年年度报告\n自然人\t5')
  })

  it('uses the page <title> when the body does not carry it', () => {
    const doc = read('<html><head><title>北山县应急管理局2023年政府信息公开工作年度报告 - 北山县人民政府</title></head><body><p>正文</p></body></html>')
    expect(doc.text).toBe('北山县应急管理局2023年政府信息公开工作年度报告\n正文')
  })

  it('survives absurd nesting without overflowing the stack', () => {
    const depth = 20_000
    const doc = read('<div>'.repeat(depth) + '深处的文字' + '</div>'.repeat(depth))
    expect(doc.text).toBe('深处的文字')
  })
})

describe('fixtures: the .docx made by LibreOffice reads exactly like its HTML source', () => {
  const dir = join(FIXTURES, 'docx')
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.docx'))
        .map((f) => f.replace(/\.docx$/, ''))
    : []
  it.each(names)('%s', async (name) => {
    const html = await ingest({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, 'html', `${name}.html`))) })
    const docx = await ingest({ name, bytes: new Uint8Array(readFileSync(join(dir, `${name}.docx`))) })
    const a = html.value!
    const b = docx.value!
    expect(b.format).toBe('docx')
    expect(tables(b).map((t) => grid(b, t))).toEqual(tables(a).map((t) => grid(a, t)))
    expect(tables(b).length).toBe(3)
  })
})
