import { useRef, useState } from 'react'

interface Props {
  left: React.ReactNode
  right: React.ReactNode
  /** Initial share of the left pane, 0..1. */
  initial?: number
  /** The left pane folded away (kept mounted, so it comes back as it was). */
  leftHidden?: boolean
}

/** Two panes with a draggable divider (also movable with the arrow keys). */
export function SplitPane({ left, right, initial = 0.4, leftHidden = false }: Props): React.JSX.Element {
  const [share, setShare] = useState(initial)
  const box = useRef<HTMLDivElement>(null)
  const clamp = (v: number): number => Math.min(0.75, Math.max(0.2, v))

  const onPointerDown = (e: React.PointerEvent): void => {
    e.preventDefault()
    const target = e.currentTarget as HTMLElement
    target.setPointerCapture(e.pointerId)
    const move = (ev: PointerEvent): void => {
      const rect = box.current?.getBoundingClientRect()
      if (rect) setShare(clamp((ev.clientX - rect.left) / rect.width))
    }
    const up = (): void => {
      target.removeEventListener('pointermove', move)
      target.removeEventListener('pointerup', up)
    }
    target.addEventListener('pointermove', move)
    target.addEventListener('pointerup', up)
  }

  return (
    <div className="split" ref={box}>
      <div className="split__pane" style={{ flexBasis: `${share * 100}%` }} hidden={leftHidden}>
        {left}
      </div>
      <div
        hidden={leftHidden}
        className="split__divider"
        role="separator"
        aria-orientation="vertical"
        aria-label="拖动调整原文与表格的宽度"
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft') setShare((s) => clamp(s - 0.03))
          if (e.key === 'ArrowRight') setShare((s) => clamp(s + 0.03))
        }}
      />
      <div className="split__pane split__pane--right">{right}</div>
    </div>
  )
}
