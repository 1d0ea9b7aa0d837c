// 统计 › 评估排名: reports ranked by score within each year, each indicator's spread, the exports
// (评估结果 XLSX, 整改意见 Word) and the rubric in use.

import { useCallback, useEffect, useMemo, useState } from 'react'
import type { AssessRanking as Ranking, IndicatorSpread } from '../../../../shared/assess'

interface Props {
  onOpenReport: (reportId: number) => void
}

function SpreadBar({ s, total }: { s: IndicatorSpread; total: number }): React.JSX.Element {
  const parts: [number, string, string][] = [
    [s.full, 'full', '满分'],
    [s.partial, 'partial', '部分扣分'],
    [s.zero, 'zero', '零分'],
    [s.unknown, 'unknown', '无法判断']
  ]
  return (
    <div className="assess-spread__bar" role="img" aria-label={parts.map(([n, , label]) => `${label} ${n}`).join('，')}>
      {parts.map(([n, cls, label]) =>
        n > 0 ? (
          <span key={cls} className={`assess-spread__part assess-spread__part--${cls}`} style={{ width: `${(100 * n) / total}%` }} title={`${label} ${n} 份`} />
        ) : null
      )}
    </div>
  )
}

export function AssessRanking({ onOpenReport }: Props): React.JSX.Element {
  const [year, setYear] = useState<number | null>(null)
  const [ranking, setRanking] = useState<Ranking | null>(null)
  const [years, setYears] = useState<number[]>([])
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null)

  const load = useCallback(async () => {
    try {
      const r = await window.api.assessRanking(year ? { year } : {})
      setRanking(r)
      if (!year) setYears([...new Set(r.reports.map((x) => x.year).filter((y): y is number => y !== null))])
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message })
    }
  }, [year])
  useEffect(() => void load(), [load])

  const act = async <T,>(work: () => Promise<T | null>, done: (v: T) => string): Promise<void> => {
    try {
      const v = await work()
      if (v !== null) setMessage({ kind: 'info', text: done(v) })
      await load()
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message })
    }
  }

  const byYear = useMemo(() => {
    const groups = new Map<number | null, Ranking['reports']>()
    for (const r of ranking?.reports ?? []) groups.set(r.year, [...(groups.get(r.year) ?? []), r])
    return [...groups.entries()]
  }, [ranking])

  const indicators = ranking?.spread ?? []
  return (
    <section className="assess-ranking" data-testid="assess-ranking">
      <div className="assess-ranking__toolbar">
        <h3 className="stats__section">评估排名</h3>
        <select className="input" aria-label="评估年度" value={year ?? ''} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : null)}>
          <option value="">全部年度</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y} 年度
            </option>
          ))}
        </select>
        {ranking && (
          <span className="muted" data-testid="assess-rubric">
            评估标准：{ranking.rubric.name}（{ranking.rubric.version}）
          </span>
        )}
        <span className="stats__spacer" />
        <button
          type="button"
          className="button"
          onClick={() =>
            void act(
              () => window.api.chooseRubric({}),
              (r) => `已选用评估标准：${r.name}（${r.version}）`
            )
          }
        >
          选用评估标准…
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void act(
              () => window.api.chooseRubric({ reset: true }),
              (r) => `已恢复默认评估标准：${r.name}`
            )
          }
        >
          默认标准
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void act(
              () => window.api.exportAssessment({ format: 'xlsx', ...(year ? { year } : {}) }),
              (r) => `已导出 ${r.reports} 份报告的评估结果：${r.path}`
            )
          }
        >
          导出评估结果（XLSX）
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void act(
              () => window.api.exportAssessment({ format: 'docx', ...(year ? { year } : {}) }),
              (r) => `已写出 ${r.reports} 份整改意见：${r.path}`
            )
          }
        >
          导出整改意见（Word）
        </button>
      </div>
      {message && (
        <div className={`banner banner--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
          <button type="button" className="button button--link" onClick={() => setMessage(null)}>
            关闭
          </button>
        </div>
      )}
      {ranking && ranking.reports.length > 0 && (
        <div className="assess-spread" data-testid="assess-spread">
          {indicators.map((s) => (
            <div key={s.id} className="assess-spread__row" data-indicator={s.id}>
              <span className="assess-spread__title">{s.title}</span>
              <SpreadBar s={s} total={ranking.reports.length} />
              <span className="assess-spread__mean">
                平均 {s.mean ?? '—'} / {s.max}
              </span>
            </div>
          ))}
          <p className="muted assess-spread__legend">
            <span className="assess-spread__part assess-spread__part--full" /> 满分 <span className="assess-spread__part assess-spread__part--partial" />{' '}
            部分扣分 <span className="assess-spread__part assess-spread__part--zero" /> 零分{' '}
            <span className="assess-spread__part assess-spread__part--unknown" /> 无法判断
          </p>
        </div>
      )}
      {byYear.map(([y, rows]) => (
        <table key={y ?? 'none'} className="assess-table" data-testid="assess-table">
          <caption>{y ?? '年度不明'} 年度</caption>
          <thead>
            <tr>
              <th>名次</th>
              <th>机关</th>
              <th>总分</th>
              {indicators.map((s) => (
                <th key={s.id}>{s.title}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, n) => (
              <tr
                key={r.reportId}
                tabIndex={0}
                data-testid="assess-row"
                title="打开这份报告"
                onClick={() => onOpenReport(r.reportId)}
                onKeyDown={(e) => e.key === 'Enter' && onOpenReport(r.reportId)}
              >
                <td>{n + 1}</td>
                <td>
                  {r.agency ?? '（未识别机关）'}
                  {r.unverified && <span className="score-cell__unverified">未核验</span>}
                </td>
                <td className="assess-table__total">{r.total}</td>
                {indicators.map((s) => (
                  <td key={s.id} className={`assess-table__cell assess-table__cell--${r.states[s.id]}`}>
                    {r.states[s.id] === 'unknown' ? '?' : r.points[s.id]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  )
}
