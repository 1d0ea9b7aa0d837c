import { CONFIRM_KEY_LABEL } from '../../../../shared/open-items'
import { RubricHelp } from '../assess/RubricHelp'

const SHORTCUTS: [string, string][] = [
  ['F8 / Shift+F8', '下一个 / 上一个需要核对的单元格'],
  [CONFIRM_KEY_LABEL, '确认选中的“需核对”单元格与原文一致（整行存疑时确认整行）；已核验前每个需核对单元格都须更正或确认'],
  ['Ctrl+Enter', '标记为已核验，并打开列表中下一份待核验或有问题的报告'],
  ['Alt+→ / Alt+←', '列表中的下一份 / 上一份报告（不标记核验）'],
  ['Esc', '返回资料库（选中刚才的报告）；正在输入时为取消修改'],
  ['直接输入数字', '覆盖当前单元格'],
  ['F2', '在当前值上修改'],
  ['Enter', '确认并下移'],
  ['Tab / Shift+Tab', '确认并右移 / 左移'],
  ['方向键', '移动单元格（自动跳过标题行）'],
  ['Delete / Backspace', '清空单元格（记为空白）'],
  ['Ctrl+V', '从 Excel / WPS 粘贴一块数据，从当前单元格开始'],
  ['Ctrl+Z', '撤销上一步修改（粘贴算一步）'],
  ['Ctrl+Y / Ctrl+Shift+Z', '重做'],
  ['点击原文中的数字', '选中对应单元格'],
  ['?', '显示或关闭本帮助']
]

export function HelpPanel({ onClose }: { onClose: () => void }): React.JSX.Element {
  return (
    <div className="modal-backdrop" onClick={onClose} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal" role="dialog" aria-label="快捷键" data-testid="help-panel" onClick={(e) => e.stopPropagation()}>
        <h3>快捷键</h3>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([key, what]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="modal__hint">每次修改立即保存，并记录修改人、时间与原值；勾稽关系随之重新核验。</p>
        <RubricHelp />
        <div className="modal__actions">
          <button type="button" className="button button--primary" onClick={onClose} autoFocus>
            知道了
          </button>
        </div>
      </div>
    </div>
  )
}
