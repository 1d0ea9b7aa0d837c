import { countFigure } from '../../../../shared/stats'
import { figureTitle, formatNumber } from '../../stats/format'
import { barSelection, type YearChart } from '../../stats/year-charts'

/** The chart's numbers as a table, each one a button like its bar (for the keyboard, and to read exact values). */
export function ChartTable({ chart, onShowReports }: { chart: YearChart; onShowReports: (ids: number[], label: string) => void }): React.JSX.Element {
  return (
    <div className="chart-table">
      <table data-testid="chart-table">
        <thead>
          <tr>
            <th />
            {chart.seriesLabels.map((l) => (
              <th key={l}>{l}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.categories.map((category, d) => (
            <tr key={category}>
              <th>{category}</th>
              {chart.seriesLabels.map((label, s) => {
                const figure = chart.figures[s][d]
                const picked = barSelection(chart, s, d)
                const text = figure.value === null ? '—' : formatNumber(figure.value, figure.decimals)
                return (
                  <td key={label} title={figureTitle(label, countFigure(figure))}>
                    {picked ? (
                      <button type="button" className="button button--link" onClick={() => onShowReports(picked.ids, picked.label)}>
                        {text}
                      </button>
                    ) : (
                      text
                    )}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
