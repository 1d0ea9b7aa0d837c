import { useEffect, useRef, useState } from 'react'
import type { ExportFormat, ImportJobs } from '../../../../shared/types'

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
          <div className="menu__section">导入</div>
          <ImportJobsSetting />
        </div>
      )}
    </div>
  )
}

/**
 * 同时解析: how many files are extracted at once. Auto is the machine's cores less one, as its free
 * memory allows; more lanes read a batch faster and hold more memory. Kept on this computer.
 */
function ImportJobsSetting(): React.JSX.Element | null {
  const [jobs, setJobs] = useState<ImportJobs | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    window.api.getImportJobs({}).then(setJobs, (e: Error) => setError(e.message))
  }, [])
  if (error) return <div className="menu__note">{error}</div>
  if (!jobs) return null
  const choose = (value: string): void => {
    window.api.setImportJobs({ jobs: value === 'auto' ? null : Number(value) }).then(setJobs, (e: Error) => setError(e.message))
  }
  return (
    <label className="menu__check" title="同时解析的文件越多，批量导入越快，占用的内存也越多；文字报告总是先于扫描件">
      同时解析{' '}
      <select value={jobs.chosen ?? 'auto'} onChange={(e) => choose(e.target.value)} data-testid="import-jobs">
        <option value="auto">自动（{jobs.auto} 个文件）</option>
        {Array.from({ length: jobs.max }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n} 个文件
          </option>
        ))}
      </select>
    </label>
  )
}
