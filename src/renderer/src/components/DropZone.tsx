import { useRef, useState } from 'react'

interface Props {
  onFiles: (files: File[]) => void
  busy: boolean
  compact: boolean
}

/** The whole library area accepts dropped files; a button opens the file picker. */
export function DropZone({ onFiles, busy, compact }: Props): React.JSX.Element {
  const [over, setOver] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  return (
    <div
      className={`drop-zone${over ? ' drop-zone--over' : ''}${compact ? ' drop-zone--compact' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault()
        setOver(false)
        const files = Array.from(e.dataTransfer.files)
        if (files.length) onFiles(files)
      }}
    >
      {!compact && (
        <>
          <div className="drop-zone__icon" aria-hidden>
            ⇩
          </div>
          <p className="drop-zone__title">资料库还是空的</p>
          <p className="drop-zone__hint">把年度报告文件拖到这里开始核验：Word（.docx/.doc）、网页（.html）、PDF 或文本（.txt）</p>
        </>
      )}
      {compact && <span className="drop-zone__hint">拖入更多报告文件，或</span>}
      <button type="button" className="button button--primary" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? '正在导入…' : '选择文件…'}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        accept=".docx,.doc,.html,.htm,.txt,.pdf,.md"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? [])
          e.target.value = ''
          if (files.length) onFiles(files)
        }}
      />
    </div>
  )
}
