import type { LegendCounts } from '../../review/cell-state'

const ITEMS: [keyof LegendCounts, string, string][] = [
  ['review', 'rd-v--review', '需核对'],
  ['failing', 'rd-v--failing', '勾稽不符'],
  ['corrected', 'rd-v--corrected', '已人工修改'],
  ['ocr', 'rd-v--ocr', '识别（从图片读取）'],
  ['zero', 'rd-v--zero', '零'],
  ['dash', 'rd-v--dash', '非数字（/、-）'],
  ['blank', 'rd-v--blank', '空白（未填）']
]

/** What the cell styles mean, always visible above the tables; each swatch holds how many cells of this report look so. */
export function Legend({ counts }: { counts: LegendCounts }): React.JSX.Element {
  return (
    <ul className="legend" aria-label="图例（本报告中的单元格数）" data-testid="legend">
      {ITEMS.map(([what, cls, label]) => (
        <li key={cls} data-testid={`legend-${what}`} title={`本报告中有 ${counts[what]} 个单元格${label}`}>
          <span className={`legend__swatch rd-v ${cls}`}>{counts[what]}</span>
          {label}
        </li>
      ))}
    </ul>
  )
}
