import { describe, expect, it } from 'vitest'
import type { LineReading } from './engine'
import { cellText } from './page'

/** A reading of one line: each character at `prob`. */
function line(text: string, prob: number, numeric?: LineReading['numeric']): LineReading {
  return { text, confidence: prob, chars: [...text].map((char) => ({ char, prob, alternatives: [] })), numeric: numeric ?? null }
}

describe('cellText', () => {
  it.each([
    { read: line('0', 0.99, line('0', 0.99)), text: '0', confidence: 0.99, why: 'a sure digit stays sure' },
    { read: line('I', 0.95, line('1', 0.99)), text: '1', confidence: 0.99, why: 'a 1 half-read as I is a sure 1 among digits' },
    { read: line('Q', 0.46, line('0', 0.97)), text: '0', confidence: 0.46, why: 'a blurred 0 read as Q is a 0 only as sure as that reading' },
    { read: line('1D', 0.7, line('10', 0.93)), text: '10', confidence: 0.7, why: 'a letter among digits' },
    { read: line('规章', 0.98), text: '规章', confidence: 0.98, why: 'a label is its own reading' }
  ])('$why', ({ read, text, confidence }) => {
    expect(cellText([read])).toMatchObject({ text, confidence })
  })
})
