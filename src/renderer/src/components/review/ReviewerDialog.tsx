import { useState } from 'react'

interface Props {
  onSave: (name: string) => Promise<void>
  /** The name so far, when the reviewer changes it (from the header); absent when asked the first time. */
  current?: string
  onCancel?: () => void
}

/** Asked once: every edit, acceptance and verification is recorded under this name. */
export function ReviewerDialog({ onSave, current, onCancel }: Props): React.JSX.Element {
  const [name, setName] = useState(current ?? '')
  const [busy, setBusy] = useState(false)
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (!name.trim()) return
    setBusy(true)
    await onSave(name.trim())
    setBusy(false)
  }
  return (
    <div className="modal-backdrop">
      <form className="modal" role="dialog" aria-label="核验人" data-testid="reviewer-dialog" onSubmit={submit}>
        <h3>{current ? '更换核验人' : '请输入核验人姓名'}</h3>
        <p className="modal__hint">
          {current ? '此后的修改、接受和核验记在新的姓名下；已有的记录保持原样。' : '每一次修改、接受和核验都会记录核验人。只需填写一次，以后自动沿用。'}
        </p>
        <input className="input" aria-label="核验人姓名" value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={40} />
        <div className="modal__actions">
          {onCancel && (
            <button type="button" className="button" onClick={onCancel}>
              取消
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={busy || !name.trim()}>
            {current ? '确定' : '开始核验'}
          </button>
        </div>
      </form>
    </div>
  )
}
