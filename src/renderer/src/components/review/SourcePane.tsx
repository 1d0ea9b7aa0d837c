import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ReviewCell, SourceView } from '../../../../shared/types'
import { cellSpans, cellWithin, textPieces } from '../../review/source-spans'
import { ImageSource } from './ImageSource'
import { PdfSource } from './PdfSource'

interface Props {
  source: SourceView
  cells: Record<string, ReviewCell>
  selectedKey: string | null
  onPick: (key: string) => void
}

const FORMAT_NOTES: Record<string, string> = {
  pdf: 'PDF 提取的文字（页面视图见“页面”）',
  txt: '纯文本，按原文换行显示',
  doc: 'Word 97 文档，以提取的文字显示'
}

type PdfView = 'pages' | 'text'

/**
 * The original document: Word and web pages as sanitised HTML, PDF as its real pages, other formats as
 * text. A report OCR read from pictures (not PDF pages) shows them first, with a tab for its text.
 */
export function SourcePane({ source, cells, selectedKey, onPick }: Props): React.JSX.Element {
  const [pdfView, setPdfView] = useState<PdfView>('pages')
  const [pdfProblem, setPdfProblem] = useState<string | null>(null)
  const onPdfUnreadable = useCallback((message: string) => setPdfProblem(message), [])
  const pictures = source.format !== 'pdf' && source.images?.length ? source.images : null
  const showPages = source.format === 'pdf' && !!source.bytes && pdfView === 'pages' && !pdfProblem
  const showPictures = !!pictures && pdfView === 'pages'
  const note = pdfProblem ?? (showPages || showPictures ? null : FORMAT_NOTES[source.format])
  return (
    <section className="source-pane" data-testid="source-pane" aria-label="原文">
      <header className="pane-title">
        <span>原文</span>
        <span className="pane-title__file" title={source.name}>
          {source.name}
        </span>
        {((source.format === 'pdf' && source.bytes && !pdfProblem) || pictures) && (
          <span className="pane-title__tabs" role="tablist" aria-label={pictures ? '原文显示方式' : 'PDF 显示方式'}>
            {(['pages', 'text'] as const).map((view) => (
              <button key={view} type="button" role="tab" aria-selected={pdfView === view} onClick={() => setPdfView(view)}>
                {view === 'pages' ? (pictures ? '图片' : '页面') : '文字'}
              </button>
            ))}
          </span>
        )}
      </header>
      {note && <div className="source-pane__note">{note}</div>}
      {showPages ? (
        <PdfSource bytes={source.bytes!} cells={cells} selectedKey={selectedKey} onPick={onPick} images={source.images} onUnreadable={onPdfUnreadable} />
      ) : showPictures ? (
        <ImageSource images={pictures!} cells={cells} selectedKey={selectedKey} onPick={onPick} />
      ) : !source.displayHtml && !source.text ? (
        <p className="source-pane__empty">资料库中没有保存这份报告的原文文字（可重新导入原文件）。</p>
      ) : source.displayHtml ? (
        <HtmlSource html={source.displayHtml} cells={cells} selectedKey={selectedKey} onPick={onPick} />
      ) : (
        <TextSource text={source.text} cells={cells} selectedKey={selectedKey} onPick={onPick} />
      )}
    </section>
  )
}

interface ViewProps {
  cells: Record<string, ReviewCell>
  selectedKey: string | null
  onPick: (key: string) => void
}

function TextSource({ text, cells, selectedKey, onPick }: ViewProps & { text: string }): React.JSX.Element {
  const pieces = useMemo(() => textPieces(text, cellSpans(cells, text.length)), [text, cells])
  const body = useRef<HTMLPreElement>(null)
  useEffect(() => {
    body.current?.querySelector('mark')?.scrollIntoView({ block: 'center', inline: 'nearest' })
  }, [selectedKey])
  return (
    <pre className="source-pane__body source-pane__text" ref={body}>
      {pieces.map((p, i) =>
        !p.span ? (
          p.text
        ) : p.span.key === selectedKey ? (
          <mark key={i} className="rd-src-hl" data-key={p.span.key}>
            {p.text}
          </mark>
        ) : (
          <span key={i} className="rd-src-cell" data-key={p.span.key} onClick={() => onPick(p.span!.key)}>
            {p.text}
          </span>
        )
      )}
    </pre>
  )
}

function HtmlSource({ html, cells, selectedKey, onPick }: ViewProps & { html: string }): React.JSX.Element {
  const body = useRef<HTMLDivElement>(null)
  // The HTML is set once per document so React never rewrites it under the highlight.
  const inner = useMemo(() => ({ __html: html }), [html])

  useEffect(() => {
    const root = body.current
    if (!root) return
    root.querySelectorAll('.rd-src-hl').forEach((el) => el.classList.remove('rd-src-hl'))
    const source = selectedKey ? cells[selectedKey]?.source : undefined
    if (!source) return
    const target = smallestCovering(root, source.start, source.end)
    if (!target) return
    target.classList.add('rd-src-hl')
    target.scrollIntoView({ block: 'center', inline: 'nearest' })
  }, [selectedKey, cells, html])

  const onClick = (e: React.MouseEvent): void => {
    const target = e.target as HTMLElement
    if (target.closest('a')) e.preventDefault()
    const el = target.closest<HTMLElement>('[data-rd-start]')
    if (!el) return
    const key = cellWithin(cells, Number(el.dataset.rdStart), Number(el.dataset.rdEnd))
    if (key) onPick(key)
  }

  return <div className="source-pane__body source-pane__html" ref={body} onClick={onClick} dangerouslySetInnerHTML={inner} />
}

/** The innermost element whose data-rd-start/end range covers [start, end]. */
function smallestCovering(root: HTMLElement, start: number, end: number): HTMLElement | null {
  let best: HTMLElement | null = null
  let size = Infinity
  root.querySelectorAll<HTMLElement>('[data-rd-start]').forEach((el) => {
    const s = Number(el.dataset.rdStart)
    const e = Number(el.dataset.rdEnd)
    if (s <= start && e >= end && e - s < size) {
      best = el
      size = e - s
    }
  })
  return best
}
