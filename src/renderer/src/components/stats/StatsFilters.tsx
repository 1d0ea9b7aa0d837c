interface Props {
  years: number[]
  chosenYears: number[]
  onYears: (years: number[]) => void
  agency: string
  onAgency: (text: string) => void
  all: boolean
  onAll: (all: boolean) => void
}

/** 年度 chips (none chosen = every year), an agency search, and 仅已核验 / 全部. */
export function StatsFilters({ years, chosenYears, onYears, agency, onAgency, all, onAll }: Props): React.JSX.Element {
  const toggle = (y: number): void => onYears(chosenYears.includes(y) ? chosenYears.filter((x) => x !== y) : [...chosenYears, y].sort((a, b) => a - b))
  return (
    <div className="stats-filters" data-testid="stats-filters">
      <fieldset className="stats-filters__years" aria-label="年度">
        <span className="stats-filters__label">年度</span>
        <button type="button" className="stats-chip" aria-pressed={chosenYears.length === 0} onClick={() => onYears([])}>
          全部年度
        </button>
        {years.map((y) => (
          <button key={y} type="button" className="stats-chip" aria-pressed={chosenYears.includes(y)} onClick={() => toggle(y)}>
            {y}
          </button>
        ))}
      </fieldset>
      <input
        type="search"
        className="input stats-filters__agency"
        placeholder="机关名称…"
        aria-label="按机关筛选"
        value={agency}
        onChange={(e) => onAgency(e.target.value)}
      />
      <fieldset className="stats-filters__status" aria-label="报告状态">
        <label>
          <input type="radio" name="stats-status" checked={!all} onChange={() => onAll(false)} />
          仅已核验
        </label>
        <label>
          <input type="radio" name="stats-status" checked={all} onChange={() => onAll(true)} />
          全部（含未核验）
        </label>
      </fieldset>
    </div>
  )
}
