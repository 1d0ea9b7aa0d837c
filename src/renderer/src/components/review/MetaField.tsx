import { useState } from 'react'

interface Props {
  label: string
  value: string
  /** Shown when the value is empty. */
  placeholder: string
  options?: { value: string; label: string }[]
  width?: number
  onSave: (value: string) => Promise<boolean>
}

/** A metadata value that becomes an input on click; Enter saves (recorded like a cell edit), Esc cancels. */
export function MetaField({ label, value, placeholder, options, width = 120, onSave }: Props): React.JSX.Element {
  const [draft, setDraft] = useState<string | null>(null)
  const save = async (next: string): Promise<void> => {
    if (next.trim() === value) return setDraft(null)
    if (await onSave(next.trim())) setDraft(null)
  }
  if (draft === null) {
    return (
      <button
        type="button"
        className="meta-field"
        title={`${label}：${value || placeholder}（点击修改）`}
        aria-label={`${label}：${value || placeholder}`}
        onClick={() => setDraft(value)}
      >
        <span className="meta-field__label">{label}</span>
        <span className={value ? 'meta-field__value' : 'meta-field__value muted'}>{value || placeholder}</span>
      </button>
    )
  }
  const keys = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') setDraft(null)
    if (e.key === 'Enter') void save(draft)
  }
  return (
    <span className="meta-field meta-field--editing">
      <span className="meta-field__label">{label}</span>
      {options ? (
        <select
          className="input"
          aria-label={label}
          value={draft}
          autoFocus
          onChange={(e) => void save(e.target.value)}
          onBlur={() => setDraft(null)}
          onKeyDown={keys}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          className="input"
          aria-label={label}
          style={{ width }}
          value={draft}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={keys}
          onBlur={() => void save(draft)}
        />
      )}
    </span>
  )
}
