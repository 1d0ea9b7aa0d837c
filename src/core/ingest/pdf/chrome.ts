// Page chrome: page numbers, running headers and footers. They sit in the top or
// bottom margin, and either look like a page number or repeat on many pages.

import type { PageItem, PageLine } from './layout'

const PAGE_NUMBER = [
  /^[-—–－―~～\s]*\d{1,4}[-—–－―~～\s]*$/u, // 4, - 4 -, — 4 —
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/u, // 第 4 页, 第4页 共9页
  /^\d{1,4}\s*\/\s*\d{1,4}$/u, // 4/9
  /^page\s*\d{1,4}(\s*of\s*\d{1,4})?$/iu
]

/** Share of the page height counted as top/bottom margin. */
const MARGIN = 0.1

export function isPageNumber(text: string): boolean {
  const t = text.trim()
  return PAGE_NUMBER.some((re) => re.test(t))
}

export interface PageItems {
  page: number
  height: number
  items: PageItem[]
}

/** Removes page numbers and running headers/footers from every page. */
export function dropChrome(pages: PageItems[]): PageItems[] {
  const repeated = repeatedMarginTexts(pages)
  return pages.map((p) => ({
    ...p,
    items: p.items.filter((item, i) => {
      if (item.kind !== 'line') return true
      const edge = i === 0 || i === p.items.length - 1
      if (isPageNumber(item.text) && (inMargin(item, p.height) || edge)) return false
      return !(inMargin(item, p.height) && repeated.has(chromeKey(item.text)))
    })
  }))
}

function repeatedMarginTexts(pages: PageItems[]): Set<string> {
  if (pages.length < 2) return new Set()
  const pagesWith = new Map<string, Set<number>>()
  for (const p of pages) {
    for (const item of p.items) {
      if (item.kind !== 'line' || !inMargin(item, p.height)) continue
      const key = chromeKey(item.text)
      if (key === '') continue
      const set = pagesWith.get(key) ?? new Set<number>()
      set.add(p.page)
      pagesWith.set(key, set)
    }
  }
  const out = new Set<string>()
  for (const [key, set] of pagesWith) if (set.size >= 2 && set.size >= pages.length / 2) out.add(key)
  return out
}

/** Header text with its numbers blanked, so "第 3 页" and "第 4 页" match. */
function chromeKey(text: string): string {
  return text.replace(/\s+/gu, '').replace(/\d+/gu, '#')
}

function inMargin(line: PageLine, height: number): boolean {
  return line.bbox[3] <= height * MARGIN || line.bbox[1] >= height * (1 - MARGIN)
}
