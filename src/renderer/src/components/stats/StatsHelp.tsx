import type { StatsDefinitions } from '../../../../shared/stats'

/** ?: what every measure and rate of the 统计 screen means, and how blanks are treated. */
export function StatsHelp({ definitions, onClose }: { definitions: StatsDefinitions; onClose: () => void }): React.JSX.Element {
  return (
    <div className="modal-backdrop" onClick={onClose} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal modal--wide stats-help" role="dialog" aria-label="统计口径" data-testid="stats-help" onClick={(e) => e.stopPropagation()}>
        <h3>统计口径</h3>
        <div className="stats-help__body">
          <h4>比率</h4>
          <dl>
            {definitions.rates.map((r) => (
              <div key={r.id} data-testid={`definition-${r.id}`}>
                <dt>{r.label}</dt>
                <dd>{r.definition}</dd>
              </div>
            ))}
          </dl>
          <h4>指标</h4>
          <table className="shortcuts">
            <tbody>
              {definitions.measures.map((m) => (
                <tr key={m.id}>
                  <td>{m.label}</td>
                  <td className="muted">{m.unit}</td>
                  <td>{m.definition === m.label ? '' : m.definition}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>说明</h4>
          <ul>
            {definitions.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
        <div className="modal__actions">
          <button type="button" className="button button--primary" onClick={onClose} autoFocus>
            知道了
          </button>
        </div>
      </div>
    </div>
  )
}
