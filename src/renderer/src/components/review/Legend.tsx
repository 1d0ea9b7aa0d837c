/** What the cell styles mean, always visible above the tables. */
export function Legend(): React.JSX.Element {
  const items: [string, string, string][] = [
    ['rd-v--review', '8', '需核对'],
    ['rd-v--failing', '12', '勾稽不符'],
    ['rd-v--corrected', '5', '已人工修改'],
    ['rd-v--ocr', '7', '识别（从图片读取）'],
    ['rd-v--zero', '0', '零'],
    ['rd-v--dash', '/', '非数字（/、-）'],
    ['rd-v--blank', '', '空白（未填）']
  ]
  return (
    <ul className="legend" aria-label="图例" data-testid="legend">
      {items.map(([cls, sample, label]) => (
        <li key={cls}>
          <span className={`legend__swatch rd-v ${cls}`}>{sample}</span>
          {label}
        </li>
      ))}
    </ul>
  )
}
