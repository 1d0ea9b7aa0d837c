// The ? panel's account of 评估: the default rubric, indicator by indicator, with what each problem costs.

import defaultRubric from '../../../../../resources/assess-rubric.json'

export function RubricHelp(): React.JSX.Element {
  return (
    <details className="rubric-help" data-testid="rubric-help">
      <summary>
        评估（年报质量）：{defaultRubric.name}，版本 {defaultRubric.version}
      </summary>
      <p className="modal__hint">{defaultRubric.description}</p>
      <table className="shortcuts">
        <tbody>
          {defaultRubric.indicators.map((i) => (
            <tr key={i.id}>
              <td>
                <b>{i.title}</b>（{i.points} 分）
              </td>
              <td>
                {i.description}
                <ul>
                  {i.deductions.map((d) => (
                    <li key={d.id}>
                      {d.text}：{'perItem' in d && d.perItem ? `每处扣 ${d.points} 分${'cap' in d && d.cap ? `，至多 ${d.cap} 分` : ''}` : `扣 ${d.points} 分`}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="modal__hint">
        得分随报告的每次修改重新计算；尚未核验的报告，得分标注“未核验”。单位可在 统计 › 评估排名 中“选用评估标准…”载入自己的 JSON 文件（格式同默认标准
        resources/assess-rubric.json），或用命令行 report-desk assess --rubric FILE。
      </p>
    </details>
  )
}
