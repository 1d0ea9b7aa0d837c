// Who issued the report and which year it covers, from its title. Titles come in both orders
// (益阳市应急管理局2022年… / 2021年东风区应急管理局…), spaced out, split over two lines, after a
// crawler's "标题:" prefix, or in Traditional characters.

import type { SourceDocument } from '../document'
import { warning, type Message } from '../messages'
import { asciiDigits, toSimplified } from './normalize'

const REPORT = '政府信息公开(?:工作)?(?:年度)?(?:工作)?报告'
const YEAR = '((?:19|20)\\d\\d)年度?'
const AGENCY = '([\\u4e00-\\u9fff()（）]{2,40}?)'
/** "<agency><year>年…报告" and "<year>年<agency>…报告". */
const AGENCY_FIRST = new RegExp(`${AGENCY}(?:关于)?${YEAR}(?:度)?${REPORT}`)
const YEAR_FIRST = new RegExp(`${YEAR}${AGENCY}${REPORT}`)
/** "本报告由<agency>根据…编制": the author named in the opening sentence of an untitled report. */
const AUTHOR = /本(?:年度)?报告由([\u4e00-\u9fff]{2,30}?)(?:根据|依据|按照|依照|编制)/
const YEAR_ONLY_TITLE = new RegExp(`^${YEAR}${REPORT}`)
const SIGNATURE_DATE = /^(?:19|20)\d\d年\d{1,2}月\d{1,2}日$/
const SIGNATURE_NAME = /^[\u4e00-\u9fff()（）]{2,30}(?:局|厅|委员会|委|办公室|办|院|政府|会|室|处|中心|部|署|所|站|馆|队|公司)$/
const PERIOD = /统计期限[^。]{0,10}?((?:19|20)\d\d)年/
/** The period the report's figures cover, as its own text states it. */
const STATED_PERIOD = /统计[期时]限[^。]{0,10}?((?:19|20)\d\d)年/
const STATED_YEAR = /本(?:年度)?报告[^。]{0,30}?((?:19|20)\d\d)年度/

interface Line {
  /** Whitespace removed, Simplified, years in digits, crawler prefix dropped. */
  text: string
  start: number
  end: number
}

/** Lines of the document's opening, with their offsets in the document's text. */
function openingLines(text: string, traditional: boolean): Line[] {
  const lines: Line[] = []
  const head = text.slice(0, 6000)
  let at = 0
  for (const raw of head.split('\n')) {
    const start = at
    at += raw.length + 1
    const line = normaliseLine(raw, traditional)
    if (line) lines.push({ text: line, start, end: start + raw.length })
    if (lines.length >= 80) break
  }
  return lines
}

function normaliseLine(raw: string, traditional: boolean): string {
  return (
    chineseYears(asciiDigits(toSimplified(raw, traditional).replace(/[\s\u00a0\u3000|]+/g, '')))
      .replace(/^(?:标题|题目|正文|title)[:：]?/i, '')
      // marks before a title's first word (a bullet, an emblem OCR read as "#" or "■") are no part of it
      .replace(/^[^\p{L}\p{N}(（【〔[《“]+/u, '')
  )
}

const CHINESE_DIGITS = '〇一二三四五六七八九'

/** "二〇二二年" → "2022年" (titles sometimes spell the year out). */
function chineseYears(s: string): string {
  return s.replace(/([〇零一二三四五六七八九]{4})(?=年)/g, (y) => [...y].map((c) => String(Math.max(0, CHINESE_DIGITS.indexOf(c)))).join(''))
}

function cleanAgency(s: string): string | null {
  // a breadcrumb run into the title ("首页政务公开政府信息公开年报平潭综合实验区")
  let a = s.replace(/^.*(?:首页|当前位置|年报|年度报告|专栏|栏目)/, '')
  a = a.replace(/^(?:关于|本|我)/, '').replace(/(?:关于|的)$/, '')
  a = a.replace(/^[()（）]+|[()（）]+$/g, '')
  if (a.length < 2 || /^(?:政府信息|年度|工作|报告)/.test(a)) return null
  return a
}

// Page chrome around a saved report: links to the neighbouring articles, related-article lists
// and breadcrumbs name other reports (often the same site's previous year), never this one.
/** "上一篇：<other report>", "相关文章：…" — never the report's own title. */
const NAV_LINE =
  /^[•·●▪■◆>»›\-*]*(?:上一篇|下一篇|上一条|下一条|上篇|下篇|上一页|下一页|相关链接|相关文章|相关阅读|相关报告|相关新闻|相关信息|相关附件|推荐阅读|延伸阅读)/
/** "当前位置：首页 > … > <this page>": a breadcrumb, whose last step may name the page itself. */
const LOCATION_LINE = /^(?:当前位置|您的位置|你的位置|您现在的位置|您当前的位置|所在位置)/
/** A bare "上一篇：" whose link sits on the next line. */
const NAV_LABEL = /^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)[:：]?$/
/** Breadcrumb separators: a report title never holds them. */
const CRUMB = /[>＞»›]/

type LineKind = 'text' | 'nav' | 'crumb' | 'list'

/** Spans of the HTML elements the title reader cares about, from the source pane's data-rd offsets. */
interface Layout {
  headings: { level: number; start: number; end: number }[]
  lists: { start: number; end: number }[]
}

const RD_ELEMENT = /<(h[1-6]|li|ul|ol|dl|dt|dd)\b[^>]*?\sdata-rd-start="(\d+)"\sdata-rd-end="(\d+)"/g

function layoutOf(doc: SourceDocument): Layout {
  const layout: Layout = { headings: [], lists: [] }
  if (!doc.displayHtml) return layout
  RD_ELEMENT.lastIndex = 0
  for (let m = RD_ELEMENT.exec(doc.displayHtml); m; m = RD_ELEMENT.exec(doc.displayHtml)) {
    const start = Number(m[2])
    const end = Number(m[3])
    if (start > 6000) break
    if (m[1][0] === 'h') layout.headings.push({ level: Number(m[1][1]), start, end })
    // list items only count as link lists in saved web pages (a Word list may hold the title)
    else if (doc.format === 'html') layout.lists.push({ start, end })
  }
  return layout
}

function kindOf(line: Line, layout: Layout): LineKind {
  if (NAV_LINE.test(line.text)) return 'nav'
  if (layout.lists.some((l) => line.start >= l.start && line.end <= l.end)) return 'list'
  // (a leading ">" is a quote mark, as in Markdown, not a separator)
  if (LOCATION_LINE.test(line.text) || CRUMB.test(line.text.replace(/^[>＞]+/, ''))) return 'crumb'
  return 'text'
}

interface TitleMatch {
  agency: string | null
  year: number
}

/** The title naming agency and year in a candidate, the earliest match when both orders match. */
function matchTitle(candidate: string, mustStart: boolean): TitleMatch | null {
  const y = YEAR_FIRST.exec(candidate)
  const a = AGENCY_FIRST.exec(candidate)
  const best = [y && { at: y.index, year: y[1], agency: y[2] }, a && { at: a.index, year: a[2], agency: a[1] }]
    .filter((m): m is { at: number; year: string; agency: string } => !!m && (!mustStart || m.at === 0))
    .sort((p, q) => p.at - q.at)[0]
  return best ? { agency: cleanAgency(best.agency), year: Number(best.year) } : null
}

/** The title from lines of one kind; a title may break over two lines (the next one of the same kind). */
function titleFromLines(lines: { text: string; at: number }[]): TitleMatch | null {
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1]?.at === lines[i].at + 1 ? lines[i + 1].text : ''
    if (!lines[i].text.includes('报告') && !next.includes('报告')) continue
    // try the line alone, then joined with the next — joined, the title must start the line
    // (else a breadcrumb such as "…>年报" would join the agency)
    const found = matchTitle(lines[i].text, false) ?? matchTitle(lines[i].text + next, true)
    if (found) return found
  }
  return null
}

export interface TitleMeta {
  agency: string | null
  year: number | null
  /**
   * Where the title came from: a heading, an ordinary line, only a breadcrumb (unreliable),
   * or none (agency and year from the opening sentence, the statistics period or the signature).
   */
  source: 'heading' | 'line' | 'crumb' | 'none'
}

export function readTitle(text: string, traditional = false, layout: Layout = { headings: [], lists: [] }): TitleMeta {
  const lines = openingLines(text, traditional)
  // 1. a heading (<h1> first) that reads as a title
  const headings = [...layout.headings].sort((p, q) => p.level - q.level || p.start - q.start)
  for (const h of headings) {
    const line = { text: normaliseLine(text.slice(h.start, h.end).replace(/\n/g, ''), traditional), start: h.start, end: h.end }
    if (kindOf(line, { headings: [], lists: [] }) !== 'text') continue
    const found = matchTitle(line.text, false)
    if (found) return { ...found, source: 'heading' }
  }
  // 2. ordinary lines, page chrome skipped (and the line a bare "上一篇：" introduces)
  const plain: (Line & { at: number })[] = []
  const crumbs: { text: string; at: number }[] = []
  for (let i = 0; i < lines.length; i++) {
    const kind = kindOf(lines[i], layout)
    if (kind === 'text') plain.push({ ...lines[i], at: i })
    else if (kind === 'crumb')
      crumbs.push({
        text:
          lines[i].text
            .replace(/^[>＞]+/, '')
            .split(CRUMB)
            .pop() ?? '',
        at: i
      })
    else if (kind === 'nav' && NAV_LABEL.test(lines[i].text)) i++
  }
  const fromLine = titleFromLines(plain)
  if (fromLine) return { ...fromLine, source: 'line' }
  // 3. the last step of a breadcrumb, which names the page itself
  const fromCrumb = titleFromLines(crumbs)
  if (fromCrumb) return { ...fromCrumb, source: 'crumb' }
  // no title naming both: the year from an agency-less title or the statistics period,
  // the agency from the opening sentence or the signature
  let year: number | null = null
  for (const line of plain) {
    const m = YEAR_ONLY_TITLE.exec(line.text)
    if (m) {
      year = Number(m[1])
      break
    }
  }
  const body = toSimplified(text.slice(0, 20000), traditional).replace(/[\s\u00a0\u3000]+/g, '')
  const period = PERIOD.exec(body)
  const author = AUTHOR.exec(body)
  return { agency: author ? cleanAgency(author[1]) : signatureOf(text, traditional), year: year ?? (period ? Number(period[1]) : null), source: 'none' }
}

/**
 * The year the report's own text states: its statistics period ("本报告所列数据的统计期限自
 * 2022年1月1日起…") or "本报告…2022年度…".
 */
export function statedYear(text: string, traditional = false): number | null {
  const body = asciiDigits(toSimplified(text.slice(0, 20000), traditional).replace(/[\s\u00a0\u3000]+/g, ''))
  const m = STATED_PERIOD.exec(body) ?? STATED_YEAR.exec(body)
  return m ? Number(m[1]) : null
}

export interface ReportMetaRead {
  agency: string | null
  year: number | null
  messages: Message[]
}

/**
 * Agency and year of a document. When the title's year and the year the report's text states
 * disagree, a warning says so; the stated year is taken when the title came only from a breadcrumb.
 */
export function readMeta(doc: SourceDocument, traditional = false): ReportMetaRead {
  const title = readTitle(doc.text, traditional, layoutOf(doc))
  const messages: Message[] = []
  const stated = title.source === 'none' ? null : statedYear(doc.text, traditional)
  let year = title.year
  if (year !== null && stated !== null && stated !== year) {
    const unreliable = title.source === 'crumb'
    if (unreliable) year = stated
    messages.push({
      ...warning(
        'extract.year_conflict',
        `标题中的年度（${title.year}年）与报告正文所述统计年度（${stated}年）不一致，` +
          (unreliable ? `标题取自页面导航，已采用正文年度${stated}年，请核对` : `暂按标题${title.year}年，请核对报告所属年度`)
      ),
      messageEn:
        `The title's year (${title.year}) differs from the year the report states (${stated}); ` +
        (unreliable ? `the title came from page navigation, so ${stated} was used — please check` : `${title.year} from the title was kept — please check`)
    })
  }
  return { agency: title.agency, year, messages }
}

/** The issuing body signed above the closing date ("某某局\n2023年1月20日"). */
function signatureOf(text: string, traditional: boolean): string | null {
  const lines = toSimplified(text.slice(-3000), traditional)
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0\u3000|]+/g, ''))
    .filter((l) => l.length > 0)
  for (let i = lines.length - 1; i > 0 && i >= lines.length - 15; i--) {
    if (!SIGNATURE_DATE.test(lines[i])) continue
    const name = lines[i - 1]
    if (SIGNATURE_NAME.test(name)) return name
  }
  return null
}
