// Agency and year must come from the report's own title, not from the page chrome around it:
// links to the previous/next article, related-article lists, breadcrumbs.

import { describe, expect, it } from 'vitest'
import { ingest } from '../ingest'
import { extractReport } from './index'

const OWN = '临川市市场监督管理局2022年政府信息公开工作年度报告'
const OTHER = '临川市人民政府2021年政府信息公开工作年度报告'
const PERIOD_2022 = '本报告根据《中华人民共和国政府信息公开条例》要求编制。报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。'
const BODY = `${PERIOD_2022}\n一、总体情况\n2022年，本局认真贯彻落实《条例》。`

const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${OWN}</title></head><body>${body}</body></html>`
const para = (s: string) => `<p>${s}</p>`

async function metaOf(name: string, source: string) {
  const doc = await ingest({ name, bytes: new Uint8Array(Buffer.from(source)) })
  const report = extractReport(doc.value!)
  return { ...report.meta, conflicts: report.messages.filter((m) => m.code === 'extract.year_conflict') }
}

interface Case {
  name: string
  file: string
  source: string
  agency: string | null
  year: number
  conflict?: boolean
}

const cases: Case[] = [
  // saved web pages
  {
    name: 'html: 上一篇 link before the <h1>',
    file: 'a.html',
    source: page(`<div>上一篇：<a href="/a">${OTHER}</a></div><h1>${OWN}</h1>${para(PERIOD_2022)}`),
    agency: '临川市市场监督管理局',
    year: 2022
  },
  {
    name: 'html: 下一篇 link right after the <h1>',
    file: 'a.html',
    source: page(`<h1>${OWN}</h1><div>下一篇：<a href="/b">${OTHER}</a></div>${para(PERIOD_2022)}`),
    agency: '临川市市场监督管理局',
    year: 2022
  },
  {
    name: 'html: a list of other reports before the <h1>',
    file: 'a.html',
    source: page(
      `<ul><li><a href="/a">${OTHER}</a></li><li><a href="/b">临川市财政局2020年政府信息公开工作年度报告</a></li></ul><h1>${OWN}</h1>${para(PERIOD_2022)}`
    ),
    agency: '临川市市场监督管理局',
    year: 2022
  },
  {
    name: 'html: a list of other reports, the title in a plain paragraph',
    file: 'a.html',
    source: page(`<p>相关文章</p><ul><li>${OTHER}</li></ul><p align="center">${OWN}</p>${para(PERIOD_2022)}`),
    agency: '临川市市场监督管理局',
    year: 2022
  },
  {
    name: 'html: breadcrumb naming another report',
    file: 'a.html',
    source: page(`<div>当前位置：<a>首页</a> &gt; <a>${OTHER}</a></div><h1>${OWN}</h1>${para(PERIOD_2022)}`),
    agency: '临川市市场监督管理局',
    year: 2022
  },
  {
    name: 'html: <h1> preferred over an earlier title-like paragraph',
    file: 'a.html',
    source: page(`${para(OTHER)}<h1>${OWN}</h1>${para(PERIOD_2022)}`),
    agency: '临川市市场监督管理局',
    year: 2022
  },
  {
    name: 'html: only a breadcrumb names the report, its year disagrees: the stated year wins, with a warning',
    file: 'a.html',
    source: `<html><head><meta charset="utf-8"></head><body><div>当前位置：首页 &gt; 年报 &gt; ${OTHER}</div>${para(PERIOD_2022)}</body></html>`,
    agency: '临川市人民政府',
    year: 2022,
    conflict: true
  },
  {
    name: 'html: the <h1> says 2021, the statistics period 2022: the title is kept, with a warning',
    file: 'a.html',
    source: page(`<h1>${OTHER}</h1>${para(PERIOD_2022)}`),
    agency: '临川市人民政府',
    year: 2021,
    conflict: true
  },
  // plain text (a page saved as text: no markup to tell links apart)
  { name: 'txt: 上一篇 line before the title', file: 'a.txt', source: `上一篇：${OTHER}\n${OWN}\n${BODY}`, agency: '临川市市场监督管理局', year: 2022 },
  {
    name: 'txt: bare 上一篇 label, its link on the next line',
    file: 'a.txt',
    source: `上一篇：\n${OTHER}\n${OWN}\n${BODY}`,
    agency: '临川市市场监督管理局',
    year: 2022
  },
  {
    name: 'txt: 相关链接 / 您的位置 lines',
    file: 'a.txt',
    source: `您的位置：首页\n相关链接：${OTHER}\n${OWN}\n${BODY}`,
    agency: '临川市市场监督管理局',
    year: 2022
  },
  {
    name: 'txt: breadcrumb with » separators',
    file: 'a.txt',
    source: `首页 » 政务公开 » ${OTHER}\n${OWN}\n${BODY}`,
    agency: '临川市市场监督管理局',
    year: 2022
  },
  // a scanned title read by OCR: a mark before it, broken inside 年度 (issue #23: 沭阳 2025 had no year)
  {
    name: 'txt: OCR title after a mark, broken inside 年度',
    file: 'a.txt',
    source: `#临川市市场监督管理局2022年政府信息公开工作年\n度报告\n一、总体情况\n2022年，本局认真贯彻落实《条例》。`,
    agency: '临川市市场监督管理局',
    year: 2022
  },
  {
    name: 'txt: title split over two lines after chrome',
    file: 'a.txt',
    source: `下一条：${OTHER}\n临川市市场监督管理局\n2022年政府信息公开工作年度报告\n${BODY}`,
    agency: '临川市市场监督管理局',
    year: 2022
  },
  {
    name: 'txt: title agreeing with 2022年度 in the opening sentence',
    file: 'a.txt',
    source: `${OWN}\n本报告总结了2022年度本局政府信息公开工作情况。`,
    agency: '临川市市场监督管理局',
    year: 2022
  },
  {
    name: 'txt: title disagreeing with 本报告…年度',
    file: 'a.txt',
    source: `${OTHER}\n本报告总结了2022年度本局政府信息公开工作情况。`,
    agency: '临川市人民政府',
    year: 2021,
    conflict: true
  },
  { name: 'txt: no chrome, no conflict', file: 'a.txt', source: `${OWN}\n${BODY}`, agency: '临川市市场监督管理局', year: 2022 }
]

describe('meta from the title, page chrome skipped', () => {
  it.each(cases)('$name', async (c) => {
    const meta = await metaOf(c.file, c.source)
    expect({ agency: meta.agency, year: meta.year }).toEqual({ agency: c.agency, year: c.year })
    expect(meta.conflicts.length).toBe(c.conflict ? 1 : 0)
    for (const m of meta.conflicts) {
      expect(m.type).toBe('warning')
      expect(m.message).toMatch(/年度.*不一致/)
      expect(m.messageEn).toMatch(/differs/)
    }
  })

  it('a Word list item may hold the title (lists are link lists only in web pages)', async () => {
    const { htmlToDocument } = await import('../ingest/html')
    const doc = htmlToDocument(`<ul><li>${OWN}</li></ul><p>${PERIOD_2022}</p>`, { format: 'docx' }).value!
    expect(extractReport(doc).meta).toMatchObject({ agency: '临川市市场监督管理局', year: 2022 })
  })
})
