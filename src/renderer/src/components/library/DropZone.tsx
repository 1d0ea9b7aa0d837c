import { useRef, useState } from 'react'
import { ACCEPTED_EXTENSIONS, accepted, droppedFile, filesFromDrop, type DroppedFile } from '../../files'

interface Props {
  onFiles: (files: DroppedFile[], skipped: number) => void
  compact: boolean
}

/** Accepts dropped files and whole folders; buttons open the file or folder picker. */
export function DropZone({ onFiles, compact }: Props): React.JSX.Element {
  const [over, setOver] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)

  const onDrop = (e: React.DragEvent): void => {
    e.preventDefault()
    setOver(false)
    void filesFromDrop(e.dataTransfer).then(({ files, skipped }) => {
      if (files.length || skipped) onFiles(files, skipped)
    })
  }

  const fromInput = (e: React.ChangeEvent<HTMLInputElement>, folder: boolean): void => {
    const all = Array.from(e.target.files ?? [])
    e.target.value = ''
    const keep = folder ? all.filter((f) => accepted(f.name)) : all
    if (all.length)
      onFiles(
        keep.map((f) => droppedFile(f)),
        all.length - keep.length
      )
  }

  return (
    <div
      className={`drop-zone${over ? ' drop-zone--over' : ''}${compact ? ' drop-zone--compact' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {!compact && (
        <>
          <div className="drop-zone__icon" aria-hidden>
            ⇩
          </div>
          <p className="drop-zone__title">资料库还是空的</p>
          <p className="drop-zone__hint">
            把年度报告文件或整个文件夹拖到这里开始核验：Word（.docx/.doc/.wps）、OpenDocument（.odt）、网页（.html
            连同其“_files”文件夹、.mht）、PDF、文本（.txt）或扫描图片（.png/.jpg/.tif/.bmp）
          </p>
        </>
      )}
      {compact && <span className="drop-zone__hint">拖入报告文件或文件夹，或</span>}
      <button type="button" className="button button--primary" onClick={() => fileInput.current?.click()}>
        选择文件…
      </button>
      <button type="button" className="button" onClick={() => folderInput.current?.click()}>
        选择文件夹…
      </button>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        accept={ACCEPTED_EXTENSIONS.join(',')}
        onChange={(e) => fromInput(e, false)}
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        hidden
        data-testid="folder-input"
        {...({ webkitdirectory: '' } as Record<string, string>)}
        onChange={(e) => fromInput(e, true)}
      />
    </div>
  )
}
