import { useEffect, useMemo, useRef, useState } from 'react'
import type { ReviewCell, SourceImage } from '../../../../shared/types'
import { cellAtPoint, nextZoom, pageBoxes, screenRect, type PageBox } from '../../review/pdf-boxes'
import { openPdf, type PDFDocumentProxy } from '../../review/pdf-document'

interface Props {
  bytes: Uint8Array
  cells: Record<string, ReviewCell>
  selectedKey: string | null
  onPick: (key: string) => void
  /** Scanned pages OCR read: their cells' boxes are in pixels of these renderings. */
  images?: SourceImage[]
  /** Shown instead when pdf.js cannot open the file (the extracted text stays available). */
  onUnreadable: (message: string) => void
}

interface PageSize {
  width: number
  height: number
}

/** Room left and right of the pages when fitting them to the pane's width. */
const FIT_MARGIN = 32

/** The original PDF as its real pages: canvas + text layer, zoomable, the selected cell boxed. */
export function PdfSource({ bytes, cells, selectedKey, onPick, images, onUnreadable }: Props): React.JSX.Element {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null)
  const [sizes, setSizes] = useState<PageSize[]>([])
  const [zoom, setZoom] = useState<number | null>(null)
  const [fitScale, setFitScale] = useState(1)
  const scroller = useRef<HTMLDivElement>(null)
  const boxes = useMemo(
    () =>
      pageBoxes(
        cells,
        images,
        sizes.map((s) => s.width)
      ),
    [cells, images, sizes]
  )
  const selected = boxes.find((b) => b.key === selectedKey) ?? null
  const scale = zoom ?? fitScale

  useEffect(() => {
    let cancelled = false
    let opened: PDFDocumentProxy | null = null
    openPdf(bytes)
      .then(async (pdf) => {
        opened = pdf
        const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1)))
        const measured = pages.map((p) => {
          const v = p.getViewport({ scale: 1 })
          return { width: v.width, height: v.height }
        })
        if (cancelled) return
        setSizes(measured)
        setDoc(pdf)
      })
      .catch((e: unknown) => {
        if (!cancelled) onUnreadable(`无法显示 PDF 页面（${(e as Error)?.message ?? e}），以下为提取的文字`)
      })
    return () => {
      cancelled = true
      void opened?.destroy()
    }
  }, [bytes, onUnreadable])

  useEffect(() => {
    const el = scroller.current
    if (!el || sizes.length === 0) return
    const widest = Math.max(...sizes.map((s) => s.width))
    const fit = (): void => setFitScale(Math.max(0.3, (el.clientWidth - FIT_MARGIN) / widest))
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(el)
    return () => observer.disconnect()
  }, [sizes])

  // Also on a scale change: a zoom (or the first fit) moves the box, and it should stay in sight.
  useEffect(() => {
    const el = scroller.current
    const box = el?.querySelector<HTMLElement>('.pdf-page__box')
    if (el && box) centreWithin(el, box)
  }, [selectedKey, doc, scale])

  return (
    <div className="pdf-source">
      <div className="pdf-source__toolbar" role="toolbar" aria-label="页面缩放">
        <button type="button" onClick={() => setZoom(nextZoom(scale, -1))} aria-label="缩小" title="缩小">
          −
        </button>
        <span className="pdf-source__zoom" data-testid="pdf-zoom">
          {Math.round(scale * 100)}%
        </span>
        <button type="button" onClick={() => setZoom(nextZoom(scale, 1))} aria-label="放大" title="放大">
          +
        </button>
        <button type="button" onClick={() => setZoom(null)} aria-pressed={zoom === null}>
          适合宽度
        </button>
        <span className="pdf-source__pages">共 {sizes.length || '…'} 页</span>
      </div>
      <div className="pdf-source__pages-scroll" ref={scroller}>
        {doc &&
          sizes.map((size, i) => (
            <PdfPage
              key={i}
              doc={doc}
              pageNumber={i + 1}
              size={size}
              scale={scale}
              boxes={boxes}
              selected={selected?.page === i + 1 ? selected : null}
              onPick={onPick}
            />
          ))}
        {!doc && <p className="source-pane__empty">正在打开 PDF…</p>}
      </div>
    </div>
  )
}

interface PageProps {
  doc: PDFDocumentProxy
  pageNumber: number
  size: PageSize
  scale: number
  boxes: PageBox[]
  selected: PageBox | null
  onPick: (key: string) => void
}

function PdfPage({ doc, pageNumber, size, scale, boxes, selected, onPick }: PageProps): React.JSX.Element {
  const frame = useRef<HTMLDivElement>(null)
  const drawing = useRef<HTMLDivElement>(null)
  const visible = useVisible(frame)
  const [rendered, setRendered] = useState(false)

  useEffect(() => {
    if (!visible) return
    setRendered(false)
    return drawPage(doc, pageNumber, scale, drawing.current!, () => setRendered(true))
  }, [doc, pageNumber, scale, visible])

  const onClick = (e: React.MouseEvent<HTMLDivElement>): void => {
    if (window.getSelection()?.toString()) return // the reviewer is selecting text, not picking a cell
    const rect = e.currentTarget.getBoundingClientRect()
    const key = cellAtPoint(boxes, pageNumber, (e.clientX - rect.left) / scale, (e.clientY - rect.top) / scale)
    if (key) onPick(key)
  }

  return (
    <div
      ref={frame}
      className="pdf-page"
      data-page={pageNumber}
      data-scale={scale}
      data-rendered={rendered || undefined}
      style={{ width: size.width * scale, height: size.height * scale, ['--total-scale-factor' as string]: scale }}
      onClick={onClick}
    >
      <div ref={drawing} className="pdf-page__drawing" />
      {selected && <div className="pdf-page__box rd-src-hl" data-key={selected.key} style={screenRect(selected.box, scale)} />}
      <span className="pdf-page__number">第 {pageNumber} 页</span>
    </div>
  )
}

/**
 * Renders one page at a scale into a fresh canvas and text layer, swapped in when complete (the old
 * drawing stays up meanwhile, and a cancelled render never shares a canvas with the next one).
 * The returned function cancels it.
 */
function drawPage(doc: PDFDocumentProxy, pageNumber: number, scale: number, host: HTMLDivElement, onDone: () => void): () => void {
  let cancel = (): void => {}
  let stopped = false
  void (async () => {
    const [{ TextLayer }, page] = await Promise.all([import('pdfjs-dist'), doc.getPage(pageNumber)])
    if (stopped) return
    const viewport = page.getViewport({ scale })
    const ratio = window.devicePixelRatio || 1
    const canvas = document.createElement('canvas')
    canvas.className = 'pdf-page__canvas'
    canvas.width = Math.floor(viewport.width * ratio)
    canvas.height = Math.floor(viewport.height * ratio)
    canvas.style.width = `${viewport.width}px`
    canvas.style.height = `${viewport.height}px`
    const textDiv = document.createElement('div')
    textDiv.className = 'textLayer'
    const task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] })
    const text = new TextLayer({ textContentSource: page.streamTextContent(), container: textDiv, viewport })
    cancel = () => {
      task.cancel()
      text.cancel()
    }
    try {
      await Promise.all([task.promise, text.render()])
      if (stopped) return
      host.replaceChildren(canvas, textDiv)
      onDone()
    } catch (e) {
      // A render cancelled by a zoom or an unmount is expected; anything else is worth a line.
      if (!stopped) console.warn(`[report-desk] PDF page ${pageNumber}:`, e)
    }
  })()
  return () => {
    stopped = true
    cancel()
  }
}

/** Scrolls only the pages pane (scrollIntoView would move every scrollable ancestor too). */
export function centreWithin(scroller: HTMLElement, target: HTMLElement): void {
  const outer = scroller.getBoundingClientRect()
  const inner = target.getBoundingClientRect()
  scroller.scrollTop += inner.top - outer.top - (outer.height - inner.height) / 2
  scroller.scrollLeft += inner.left - outer.left - (outer.width - inner.width) / 2
}

/** True once the element has come near the viewport (pages render lazily, and stay rendered). */
function useVisible(ref: React.RefObject<HTMLElement | null>): boolean {
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    const el = ref.current
    if (!el || visible) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setVisible(true)
      },
      { rootMargin: '600px 0px' }
    )
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref, visible])
  return visible
}
