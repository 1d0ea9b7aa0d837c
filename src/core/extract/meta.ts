// Who issued the report and which year it covers, from its title. Titles come in both orders
// (益阳市应急管理局2022年… / 2021年东风区应急管理局…), spaced out, split over two lines, after a
// crawler's "标题:" prefix, or in Traditional characters.

import { asciiDigits, toSimplified } from './normalize'

export interface TitleMeta {
  agency: string | null
  year: number | null
}

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

/** Lines of the document's opening, whitespace removed, Simplified. */
function openingLines(text: string, traditional: boolean): string[] {
  const head = toSimplified(text.slice(0, 6000), traditional)
  return head
    .split('\n')
    .map((l) => chineseYears(asciiDigits(l.replace(/[\s\u00a0\u3000|]+/g, ''))))
    .map((l) => l.replace(/^(?:标题|题目|正文|title)[:：]?/i, ''))
    .filter((l) => l.length > 0)
    .slice(0, 80)
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

export function readTitle(text: string, traditional = false): TitleMeta {
  const lines = openingLines(text, traditional)
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('报告') && !(lines[i + 1] ?? '').includes('报告')) continue
    // a title may break over two lines: try the line alone, then joined with the next — joined,
    // the title must start the line (else a breadcrumb such as "…>年报" would join the agency)
    for (const [candidate, mustStart] of [[lines[i], false], [lines[i] + (lines[i + 1] ?? ''), true]] as const) {
      const y = YEAR_FIRST.exec(candidate)
      const a = AGENCY_FIRST.exec(candidate)
      const best = [y && { at: y.index, year: y[1], agency: y[2] }, a && { at: a.index, year: a[2], agency: a[1] }]
        .filter((m): m is { at: number; year: string; agency: string } => !!m && (!mustStart || m.at === 0))
        .sort((p, q) => p.at - q.at)[0]
      if (best) return { agency: cleanAgency(best.agency), year: Number(best.year) }
    }
  }
  // no title naming both: the year from an agency-less title or the statistics period,
  // the agency from the opening sentence or the signature
  let year: number | null = null
  for (const line of lines) {
    const m = YEAR_ONLY_TITLE.exec(line)
    if (m) {
      year = Number(m[1])
      break
    }
  }
  const body = toSimplified(text.slice(0, 20000), traditional).replace(/[\s\u00a0\u3000]+/g, '')
  const period = PERIOD.exec(body)
  const author = AUTHOR.exec(body)
  return { agency: author ? cleanAgency(author[1]) : signatureOf(text, traditional), year: year ?? (period ? Number(period[1]) : null) }
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
