import { describe, expect, it } from 'vitest'
import type { ExtractedCell, ExtractedReport } from '../report'
import { consistentReport } from '../validate/fixtures'
import { CERTAIN, CERTAIN_UNCHECKED, OBSCURED, settleOcrCells } from './ocr-certainty'

/** A consistent 2021 report whose cells all came from OCR with full confidence. */
function scanned(): ExtractedReport {
  const report = consistentReport('2021')
  for (const cell of Object.values(report.cells)) cell.ocr = { confidence: 0.99, read: cell.raw }
  return report
}

function reread(report: ExtractedReport, key: string, read: string, confidence: number, alternatives?: string[]): ExtractedCell {
  const cell = report.cells[key]
  cell.value = read === '' ? null : Number(read)
  cell.raw = read
  cell.ocr = { confidence, read, ...(alternatives ? { alternatives } : {}) }
  return cell
}

const NATURAL = 'requests.granted.natural'

describe('OCR certainty', () => {
  it('leaves confident cells whose equations hold unmarked', () => {
    const report = scanned()
    settleOcrCells(report)
    expect(Object.values(report.cells).filter((c) => c.review)).toEqual([])
    expect(report.messages).toEqual([])
  })

  it('an unsure digit takes the one alternative the table equations accept, marked and named', () => {
    const report = scanned()
    const truth = report.cells[NATURAL].value!
    // the engine read 8 where the scan says the true value; the runner-up readings include it
    reread(report, NATURAL, String(truth + 8), 0.55, [String(truth + 6), String(truth), String(truth + 3)])
    settleOcrCells(report)
    const cell = report.cells[NATURAL]
    expect(cell.value).toBe(truth)
    expect(cell.review).toBe(true)
    expect(cell.reviewReason).toContain(`识别为“${truth + 8}”`)
    expect(cell.reviewReason).toContain('由勾稽关系推定')
    expect(cell.reviewReason).toContain(`“${truth + 6}”`)
    expect(report.messages.map((m) => m.code)).toContain('ocr.repaired')
  })

  it('does not choose when two alternatives fit no better than the reading (left for review, value as read)', () => {
    const report = scanned()
    // neither alternative makes the equations hold: nothing is chosen
    reread(report, NATURAL, '91', 0.5, ['97', '94'])
    settleOcrCells(report)
    expect(report.cells[NATURAL]).toMatchObject({ value: 91, review: true })
    expect(report.cells[NATURAL].reviewReason).not.toContain('推定')
  })

  it.each([
    ['4475', true],
    ['05', true],
    ['44.75', false],
    ['0', false],
    ['7', false]
  ])('an amount read confidently as %s in no equation: marked for a lost decimal point = %s', (read, marked) => {
    const report = scanned()
    const key = 'active.fees.amount'
    reread(report, key, read, 0.99)
    settleOcrCells(report)
    expect(report.cells[key].review === true).toBe(marked)
    if (marked) expect(report.cells[key].reviewReason).toContain('小数点')
  })

  it('a low-confidence digit in no equation is marked for review, never shown as certain', () => {
    const report = scanned()
    const key = 'active.licensing.decisions'
    reread(report, key, '447228', CERTAIN - 0.2, ['441228'])
    settleOcrCells(report)
    expect(report.cells[key].value).toBe(447228)
    expect(report.cells[key].review).toBe(true)
    expect(report.cells[key].reviewReason).toMatch(/识别为“447228”（置信度 0\.70，其他可能：“441228”）/)
  })

  // a number no equation checks must be read surer than one its equations confirm
  it.each([
    { key: 'active.licensing.decisions', confidence: 0.97, marked: true, why: 'in no equation, sure but not sure enough' },
    { key: 'active.licensing.decisions', confidence: CERTAIN_UNCHECKED, marked: false, why: 'in no equation, sure enough' },
    { key: NATURAL, confidence: 0.97, marked: false, why: 'as sure, its equations holding' }
  ])('$why ($confidence): marked $marked', ({ key, confidence, marked }) => {
    const report = scanned()
    reread(report, key, report.cells[key].raw, confidence)
    settleOcrCells(report)
    expect(report.cells[key].review === true).toBe(marked)
    if (marked) expect(report.cells[key].reviewReason).toMatch(/无勾稽关系可核/)
    expect(Object.values(report.cells).filter((c) => c.review)).toHaveLength(marked ? 1 : 0)
  })

  it.each([
    { read: '01', marked: true },
    { read: '007', marked: true },
    { read: '0', marked: false },
    { read: '10', marked: false }
  ])('a number read as $read is marked: $marked', ({ read, marked }) => {
    const report = scanned()
    const key = 'active.licensing.decisions'
    reread(report, key, read, 0.99)
    settleOcrCells(report)
    expect(report.cells[key].review === true).toBe(marked)
    if (marked) expect(report.cells[key].reviewReason).toMatch(/以 0 开头/)
  })

  it('a confident but wrong digit that breaks an equation is marked with the equation named', () => {
    const report = scanned()
    const truth = report.cells[NATURAL].value!
    reread(report, NATURAL, String(truth + 1), 0.97)
    settleOcrCells(report)
    expect(report.cells[NATURAL].review).toBe(true)
    expect(report.cells[NATURAL].reviewReason).toContain('所在勾稽关系不成立')
    // every other cell of a broken equation is marked too: the fault may lie in any of them
    expect(report.cells['requests.granted.total'].review).toBe(true)
  })

  it('blank, "-" and 0 stay different values through settling', () => {
    const report = scanned()
    const dash = reread(report, 'active.regulations.issued', '', 1)
    dash.raw = '-'
    dash.ocr!.read = '-'
    reread(report, 'active.regulations.repealed', '', 1)
    settleOcrCells(report)
    expect(report.cells['active.regulations.issued']).toMatchObject({ value: null, raw: '-' })
    expect(report.cells['active.regulations.repealed']).toMatchObject({ value: null, raw: '' })
    expect(report.cells['active.regulations.in_force'].value).toBe(0)
  })

  it('numbers read from a line of OCR text (no grid found) are never shown as certain', () => {
    const report = consistentReport('2021')
    report.cells[NATURAL].source = { start: 0, end: 2, imageIndex: 1 }
    settleOcrCells(report)
    expect(report.cells[NATURAL].review).toBe(true)
    expect(report.cells[NATURAL].reviewReason).toContain('整行文字识别')
    expect(report.cells['requests.granted.total'].review).toBe(false)
  })

  describe('a cell a blot or a stamp covers (solid ink over the number)', () => {
    const obscure = (report: ExtractedReport, key: string): ExtractedCell => {
      const cell = report.cells[key]
      cell.ocr = { ...cell.ocr!, obscured: true }
      return cell
    }

    it.each([
      ['in table 二, in no equation', 'active.licensing.decisions'],
      ['in table 三, every equation holding', NATURAL],
      ['in table 四, its row sum holding', 'appeals.review.upheld']
    ])('is marked at full confidence %s, with the reason and what was read', (_, key) => {
      const report = scanned()
      const before = report.cells[key].value
      obscure(report, key)
      settleOcrCells(report)
      const cell = report.cells[key]
      expect(cell.value).toBe(before)
      expect(cell.review).toBe(true)
      expect(cell.reviewReason).toContain(OBSCURED)
      expect(cell.reviewReason).toMatch(/^识别为“\d+”（置信度 0\.99），单元格内有大块墨迹或印章遮挡，识别结果不可靠，请对照原图核对$/)
      // only that cell: its equations hold, the rest of the table is as certain as before
      expect(Object.values(report.cells).filter((c) => c.review)).toHaveLength(1)
      expect(report.messages.map((m) => m.code).sort()).toEqual(['ocr.obscured', 'ocr.review'])
    })

    it('an equation-chosen alternative for it is still marked, with both reasons', () => {
      const report = scanned()
      const truth = report.cells[NATURAL].value!
      reread(report, NATURAL, String(truth + 8), 0.55, [String(truth)])
      obscure(report, NATURAL)
      settleOcrCells(report)
      const cell = report.cells[NATURAL]
      expect(cell.value).toBe(truth)
      expect(cell.review).toBe(true)
      expect(cell.reviewReason).toContain(OBSCURED)
      expect(cell.reviewReason).toContain(`由勾稽关系推定为“${truth}”`)
    })

    it('a failing equation is named beside it, once', () => {
      const report = scanned()
      const truth = report.cells[NATURAL].value!
      reread(report, NATURAL, String(truth + 1), 0.99)
      obscure(report, NATURAL)
      settleOcrCells(report)
      const reason = report.cells[NATURAL].reviewReason!
      expect(reason).toContain(OBSCURED)
      expect(reason).toContain('所在勾稽关系不成立')
      expect(reason.match(/识别为/g)).toHaveLength(1)
    })
  })

  it('cells not read by OCR are left alone', () => {
    const report = consistentReport('2021')
    report.cells[NATURAL].value = 12345
    settleOcrCells(report)
    expect(report.cells[NATURAL].review).toBe(false)
  })
})
