// Realistic synthetic reports for the benchmark: the official tables with their real labels,
// merged header cells, consistent numbers (the 勾稽关系 hold), 2021 and 2019 formats.
// Produced as an abstract table model, then written as .docx (OOXML), .html or .txt.

export interface SyntheticCell {
  text: string
  rowSpan?: number
  colSpan?: number
}
export type SyntheticRow = SyntheticCell[]
export interface SyntheticReport {
  title: string
  paragraphs: string[]
  tables: { heading: string; rows: SyntheticRow[] }[]
}

/** A small deterministic PRNG so every run benchmarks the same files. */
export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 0x100000000
  }
}

const APPLICANT_HEADERS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']

const RESULT_ROWS_2021: [string, string[]][] = [
  [
    '（三）不予公开',
    [
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及“三安全一稳定”',
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
      '6.属于四类过程性信息',
      '7.属于行政执法案卷',
      '8.属于行政查询事项'
    ]
  ],
  ['（四）无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']],
  ['（五）不予处理', ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息']],
  [
    '（六）其他处理',
    ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他']
  ]
]

const AGENCIES = [
  '益阳市应急管理局',
  '东风区教育局',
  '南湖县财政局',
  '青山市自然资源和规划局',
  '白云区卫生健康委员会',
  '临江市人民政府办公室',
  '北川县住房和城乡建设局',
  '长宁区市场监督管理局'
]

function split(total: number, parts: number, rnd: () => number): number[] {
  const out = new Array(parts).fill(0)
  for (let i = 0; i < total; i++) out[Math.floor(rnd() * rnd() * parts)]++
  return out
}

/** One row of 7 applicant columns whose 总计 is the sum of the six. */
function withTotal(six: number[]): string[] {
  return [...six, six.reduce((a, b) => a + b, 0)].map(String)
}

export function syntheticReport(index: number, template: '2021' | '2019'): SyntheticReport {
  const rnd = prng(index * 7919 + 17)
  const agency = AGENCIES[index % AGENCIES.length]
  const year = template === '2019' ? 2019 + (index % 2) : 2021 + (index % 4)
  const received = [0, 1, 2, 3, 4, 5].map((i) => Math.floor(rnd() * (i === 0 ? 200 : 8)))
  const carried = received.map(() => Math.floor(rnd() * 3))
  const resultRows = template === '2021' ? 2 + 8 + 3 + 5 + 3 : 2 + 8 + 3 + 5 + 1
  const forward = received.map((r, i) => Math.min(r + carried[i], Math.floor(rnd() * 3)))
  const perColumn = received.map((r, i) => split(r + carried[i] - forward[i], resultRows, rnd))
  const resultValues = (row: number): string[] => withTotal(perColumn.map((col) => col[row]))
  const concluded = received.map((r, i) => r + carried[i] - forward[i])

  const requests: SyntheticRow[] = [
    [
      { text: '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', rowSpan: 3, colSpan: 3 },
      { text: '申请人情况', colSpan: 7 }
    ],
    [
      { text: '自然人', rowSpan: 2 },
      { text: '法人或其他组织', colSpan: 5 },
      { text: '总计', rowSpan: 2 }
    ],
    APPLICANT_HEADERS.slice(1, 6).map((text) => ({ text })),
    [{ text: '一、本年新收政府信息公开申请数量', colSpan: 3 }, ...withTotal(received).map((text) => ({ text }))],
    [{ text: '二、上年结转政府信息公开申请数量', colSpan: 3 }, ...withTotal(carried).map((text) => ({ text }))]
  ]
  let r = 0
  const groupRows = template === '2021' ? RESULT_ROWS_2021 : [...RESULT_ROWS_2021.slice(0, 3), ['（六）其他处理', []] as [string, string[]]]
  const totalRowCount = 2 + groupRows.reduce((n, [, subs]) => n + Math.max(1, subs.length), 0) + 1
  requests.push([
    { text: '三、本年度办理结果', rowSpan: totalRowCount },
    { text: '（一）予以公开', colSpan: 2 },
    ...resultValues(r++).map((text) => ({ text }))
  ])
  requests.push([{ text: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', colSpan: 2 }, ...resultValues(r++).map((text) => ({ text }))])
  for (const [group, subs] of groupRows) {
    if (subs.length === 0) {
      requests.push([{ text: group, colSpan: 2 }, ...resultValues(r++).map((text) => ({ text }))])
      continue
    }
    subs.forEach((sub, i) => {
      const label = i === 0 ? [{ text: group, rowSpan: subs.length }] : []
      requests.push([...label, { text: sub }, ...resultValues(r++).map((text) => ({ text }))])
    })
  }
  requests.push([{ text: '（七）总计', colSpan: 2 }, ...withTotal(concluded).map((text) => ({ text }))])
  requests.push([{ text: '四、结转下年度继续办理', colSpan: 3 }, ...withTotal(forward).map((text) => ({ text }))])

  const appealGroup = (): string[] => {
    const v = [0, 1, 2, 3].map(() => Math.floor(rnd() * 3))
    return [...v, v.reduce((a, b) => a + b, 0)].map(String)
  }
  const outcomeHeaders = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
  const appeals: SyntheticRow[] = [
    [
      { text: '行政复议', colSpan: 5 },
      { text: '行政诉讼', colSpan: 10 }
    ],
    [
      ...outcomeHeaders.map((t) => ({ text: t.split('').join('\n'), rowSpan: 2 })),
      { text: '未经复议直接起诉', colSpan: 5 },
      { text: '复议后起诉', colSpan: 5 }
    ],
    [...outcomeHeaders, ...outcomeHeaders].map((t) => ({ text: t.split('').join('\n') })),
    [...appealGroup(), ...appealGroup(), ...appealGroup()].map((text) => ({ text }))
  ]

  const n = (max: number): string => String(Math.floor(rnd() * max))
  const active: SyntheticRow[] =
    template === '2021'
      ? [
          [{ text: '第二十条第（一）项', colSpan: 4 }],
          ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].map((text) => ({ text })),
          ['规章', n(5), n(3), n(40)].map((text) => ({ text })),
          ['行政规范性文件', n(20), n(10), n(200)].map((text) => ({ text })),
          [{ text: '第二十条第（五）项', colSpan: 4 }],
          [{ text: '信息内容' }, { text: '本年处理决定数量', colSpan: 3 }],
          [{ text: '行政许可' }, { text: n(5000), colSpan: 3 }],
          [{ text: '第二十条第（六）项', colSpan: 4 }],
          [{ text: '信息内容' }, { text: '本年处理决定数量', colSpan: 3 }],
          [{ text: '行政处罚' }, { text: n(900), colSpan: 3 }],
          [{ text: '行政强制' }, { text: n(50), colSpan: 3 }],
          [{ text: '第二十条第（八）项', colSpan: 4 }],
          [{ text: '信息内容' }, { text: '本年收费金额（单位：万元）', colSpan: 3 }],
          [{ text: '行政事业性收费' }, { text: (rnd() * 500).toFixed(2), colSpan: 3 }]
        ]
      : [
          [{ text: '第二十条第（一）项', colSpan: 4 }],
          ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'].map((text) => ({ text })),
          ['规章', n(5), n(5), n(40)].map((text) => ({ text })),
          ['规范性文件', n(20), n(20), n(200)].map((text) => ({ text })),
          [{ text: '第二十条第（五）项', colSpan: 4 }],
          ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'].map((text) => ({ text })),
          ['行政许可', n(80), String(Math.floor(rnd() * 7) - 3), n(3000)].map((text) => ({ text })),
          ['其他对外管理服务事项', n(30), String(Math.floor(rnd() * 5) - 2), n(500)].map((text) => ({ text })),
          [{ text: '第二十条第（六）项', colSpan: 4 }],
          ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'].map((text) => ({ text })),
          ['行政处罚', n(200), String(Math.floor(rnd() * 9) - 4), n(900)].map((text) => ({ text })),
          ['行政强制', n(30), String(Math.floor(rnd() * 3) - 1), n(60)].map((text) => ({ text })),
          [{ text: '第二十条第（八）项', colSpan: 4 }],
          [{ text: '信息内容' }, { text: '上一年项目数量' }, { text: '本年增/减', colSpan: 2 }],
          [{ text: '行政事业性收费' }, { text: n(20) }, { text: String(Math.floor(rnd() * 3) - 1), colSpan: 2 }],
          [{ text: '第二十条第（九）项', colSpan: 4 }],
          [{ text: '信息内容' }, { text: '采购项目数量' }, { text: '采购总金额', colSpan: 2 }],
          [{ text: '政府集中采购' }, { text: n(40) }, { text: n(900000), colSpan: 2 }]
        ]
  const total = concluded.reduce((a, b) => a + b, 0)
  return {
    title: `${agency}${year}年政府信息公开工作年度报告`,
    paragraphs: [
      `本报告根据《中华人民共和国政府信息公开条例》要求编制。${year}年，${agency}认真贯彻落实政务公开各项要求。`,
      `一、总体情况`,
      `全年共办结政府信息公开申请${total}件。`
    ],
    tables: [
      { heading: '二、主动公开政府信息情况', rows: active },
      { heading: '三、收到和处理政府信息公开申请情况', rows: requests },
      { heading: '四、政府信息公开行政复议、行政诉讼情况', rows: appeals }
    ]
  }
}
