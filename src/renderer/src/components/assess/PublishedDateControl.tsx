// 及时性: the reviewer types the publication date where the report's text gives none (or the site's
// page says otherwise); it wins over the text's. Enter saves, Esc cancels; a refusal shows here.

import { useEffect, useRef, useState } from 'react'
import type { TypedPublicationDate } from '../../../../shared/assess'

interface Props {
  /** The date typed before, if any. */
  typed?: TypedPublicationDate
  /** Saves the date ('' clears it); rejects with the refusal's message. */
  onSave: (value: string) => Promise<void>
}

export function PublishedDateControl({ typed, onSave }: Props): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  // On opening, and back to the field after a refusal (once it is enabled again).
  useEffect(() => {
    if (open && !saving) input.current?.focus()
  }, [open, saving, error])

  const start = (): void => {
    setValue(typed?.date ?? '')
    setError(null)
    setOpen(true)
  }
  const save = async (text: string): Promise<void> => {
    setSaving(true)
    try {
      await onSave(text)
      setOpen(false)
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  if (!open) {
    return (
      <button type="button" className="scorecard__date-edit" data-testid="published-date-edit" onClick={start}>
        {typed ? '修改发布日期' : '填写发布日期'}
      </button>
    )
  }
  return (
    <form
      className="scorecard__date-form"
      data-testid="published-date-form"
      onSubmit={(e) => {
        e.preventDefault()
        void save(value)
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          setOpen(false)
        }
      }}
    >
      <input
        ref={input}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-label="发布日期"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'published-date-error' : undefined}
        placeholder="如 2022-01-31"
        disabled={saving}
      />
      <button type="submit" disabled={saving || value.trim() === ''}>
        保存
      </button>
      {typed && (
        <button type="button" disabled={saving} onClick={() => void save('')} title="不再采用核验人填写的日期，改用原文的发布日期或落款">
          清除
        </button>
      )}
      <button type="button" disabled={saving} onClick={() => setOpen(false)}>
        取消
      </button>
      {error && (
        <p id="published-date-error" className="scorecard__date-error" role="alert" data-testid="published-date-error">
          {error}
        </p>
      )}
    </form>
  )
}
