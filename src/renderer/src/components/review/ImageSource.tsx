import { useEffect, useMemo, useRef, useState } from 'react'
import type { ReviewCell, SourceImage } from '../../../../shared/types'
import { cellAtPoint, imageBoxes, nextZoom, screenRect } from '../../review/pdf-boxes'
import { centreWithin } from './PdfSource'

interface Props {
  images: SourceImage[]
  cells: Record<string, ReviewCell>
  selectedKey: string | null
  onPick: (key: string) => void
}

const FIT_MARGIN = 32

/**
 * The page images OCR read (scans, photos, tables published as pictures), as the PDF page view shows
 * pages: fit to width or zoomed, the selected cell boxed and scrolled into view, a click picks the cell.
 */
export function ImageSource({ images, cells, selectedKey, onPick }: Props): React.JSX.Element {
  const [zoom, setZoom] = useState<number | null>(null)
  const [fitScale, setFitScale] = useState(1)
  const scroller = useRef<HTMLDivElement>(null)
  const boxes = useMemo(() => imageBoxes(cells), [cells])
  const selected = boxes.find((b) => b.key === selectedKey) ?? null
  const scale = zoom ?? fitScale
  const urls = useMemo(() => images.map((i) => URL.createObjectURL(new Blob([i.bytes as Uint8Array<ArrayBuffer>], { type: i.mime }))), [images])
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls])

  useEffect(() => {
    const el = scroller.current
    if (!el || images.length === 0) return
    const widest = Math.max(...images.map((i) => i.width))
    const fit = (): void => setFitScale(Math.min(1.5, Math.max(0.1, (el.clientWidth - FIT_MARGIN) / widest)))
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(el)
    return () => observer.disconnect()
  }, [images])

  useEffect(() => {
    const el = scroller.current
    const box = el?.querySelector<HTMLElement>('.pdf-page__box')
    if (el && box) centreWithin(el, box)
  }, [selectedKey, scale])

  return (
    <div className="pdf-source" data-testid="image-source">
      <div className="pdf-source__toolbar" role="toolbar" aria-label="图片缩放">
        <button type="button" onClick={() => setZoom(nextZoom(scale, -1))} aria-label="缩小" title="缩小">
          −
        </button>
        <span className="pdf-source__zoom">{Math.round(scale * 100)}%</span>
        <button type="button" onClick={() => setZoom(nextZoom(scale, 1))} aria-label="放大" title="放大">
          +
        </button>
        <button type="button" onClick={() => setZoom(null)} aria-pressed={zoom === null}>
          适合宽度
        </button>
        <span className="pdf-source__pages">共 {images.length} 张图片</span>
      </div>
      <div className="pdf-source__pages-scroll" ref={scroller}>
        {images.map((image, i) => (
          <div
            key={i}
            className="pdf-page"
            data-image={i}
            style={{ width: image.width * scale, height: image.height * scale }}
            onClick={(e) => {
              const rect = e.currentTarget.getBoundingClientRect()
              const key = cellAtPoint(boxes, i, (e.clientX - rect.left) / scale, (e.clientY - rect.top) / scale)
              if (key) onPick(key)
            }}
          >
            <img className="pdf-page__canvas image-source__img" src={urls[i]} alt={image.origin} draggable={false} />
            {selected?.page === i && <div className="pdf-page__box rd-src-hl" data-key={selected.key} style={screenRect(selected.box, scale)} />}
            <span className="pdf-page__number">{image.origin}</span>
          </div>
        ))}
      </div>
    </div>
  )
}
