import { useEffect, useRef, useState } from 'react'

interface Props {
  reportIds: number[]
  /** True when every one of them is verified; otherwise the paper carries 未核验. */
  verified: boolean
  /** The button's words (the library list names how many reports it covers). */
  label?: string
}

const FORMATS: ['xlsx' | 'pdf', string][] = [
  ['xlsx', 'Excel 底稿（.xlsx）'],
  ['pdf', 'PDF 底稿（可打印签字）']
]

/** 导出核验底稿: the working paper (official layout, corrections, checks, trail, signature block) as XLSX or PDF. */
export function PaperMenu({ reportIds, verified, label = '导出核验底稿' }: Props): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent): void => {
      if (!box.current?.contains(e.target as Node)) setOpen(false)
    }
    window.addEventListener('mousedown', close)
    return () => window.removeEventListener('mousedown', close)
  }, [open])
  const exportAs = async (format: 'xlsx' | 'pdf'): Promise<void> => {
    setOpen(false)
    setBusy(true)
    setOutcome(null)
    try {
      const r = await window.api.exportPaper({ reportIds, format })
      if (r) setOutcome({ ok: true, text: `已导出核验底稿：${r.path}` })
    } catch (e) {
      setOutcome({ ok: false, text: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="menu" ref={box}>
      <button type="button" className="button button--ghost" aria-haspopup="menu" aria-expanded={open} disabled={busy} onClick={() => setOpen((v) => !v)}>
        {busy ? '正在导出底稿…' : `${label} ▾`}
      </button>
      {open && (
        <div className="menu__panel" role="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {!verified && (
            <div className="menu__section">{reportIds.length > 1 ? '其中有未核验的报告：其底稿将标注“未核验”' : '尚未核验：底稿将标注“未核验”'}</div>
          )}
          {FORMATS.map(([format, label]) => (
            <button key={format} type="button" role="menuitem" className="menu__item" onClick={() => void exportAs(format)}>
              {label}
            </button>
          ))}
        </div>
      )}
      {outcome && (
        <div className="menu__panel" role="status" data-testid="paper-outcome">
          <div className="menu__section" style={{ color: outcome.ok ? undefined : 'var(--danger)', wordBreak: 'break-all' }}>
            {outcome.text}
          </div>
          <button type="button" className="menu__item" onClick={() => setOutcome(null)}>
            关闭
          </button>
        </div>
      )}
    </div>
  )
}
