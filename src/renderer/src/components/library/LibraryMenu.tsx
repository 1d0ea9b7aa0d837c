import { useEffect, useRef, useState } from 'react'
import type { ExportFormat } from '../../../../shared/types'

export type ExportChoice = { format: ExportFormat; jsonAs?: 'file' | 'folder' }

interface Props {
  onExport: (choice: ExportChoice, all: boolean) => void
  onBackup: () => void
  onMerge: () => void
  onOpenLibrary: () => void
}

const FORMATS: [ExportChoice, string][] = [
  [{ format: 'xlsx' }, 'Excel 工作簿（.xlsx）'],
  [{ format: 'csv' }, 'CSV 表格（.csv）'],
  [{ format: 'json', jsonAs: 'file' }, 'JSON 数据：全部报告一个文件（.json）'],
  [{ format: 'json', jsonAs: 'folder' }, 'JSON 数据：每份报告一个文件（选择文件夹）']
]

/** 导出与备份: export (verified only, or all), back up, merge a colleague's library, open another (restore). */
export function LibraryMenu({ onExport, onBackup, onMerge, onOpenLibrary }: Props): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const [all, setAll] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent): void => {
      if (!box.current?.contains(e.target as Node)) setOpen(false)
    }
    window.addEventListener('mousedown', close)
    return () => window.removeEventListener('mousedown', close)
  }, [open])
  const pick = (action: () => void) => () => {
    setOpen(false)
    action()
  }
  return (
    <div className="menu" ref={box}>
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        导出与备份 ▾
      </button>
      {open && (
        <div className="menu__panel" role="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <div className="menu__section">导出（默认只含已核验的报告）</div>
          {FORMATS.map(([choice, label]) => (
            <button key={label} type="button" role="menuitem" className="menu__item" onClick={pick(() => onExport(choice, all))}>
              {label}
            </button>
          ))}
          <label className="menu__check">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> 包括未核验的报告
          </label>
          <div className="menu__section">资料库</div>
          <button type="button" role="menuitem" className="menu__item" onClick={pick(onBackup)}>
            备份资料库…
          </button>
          <button type="button" role="menuitem" className="menu__item" onClick={pick(onMerge)}>
            合并资料库…
          </button>
          <button type="button" role="menuitem" className="menu__item" onClick={pick(onOpenLibrary)}>
            打开资料库（恢复备份）…
          </button>
        </div>
      )}
    </div>
  )
}
