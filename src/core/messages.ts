// Results, not exceptions: every parser returns { value, messages }.
// Warnings are recoverable oddities; an error means the input could not be read.

import type { SourceLocation } from './document'

export type MessageType = 'error' | 'warning' | 'info'

export interface Message {
  type: MessageType
  /** Stable machine code, e.g. 'ingest.empty', 'extract.row_unrecognised'. */
  code: string
  /** What a reviewer reads, in Simplified Chinese. */
  message: string
  /** The same in English, for errors that may reach logs or support. */
  messageEn?: string
  location?: SourceLocation
}

export interface Result<T> {
  value: T
  messages: Message[]
}

export function warning(code: string, message: string, location?: SourceLocation): Message {
  return { type: 'warning', code, message, ...(location ? { location } : {}) }
}

export function info(code: string, message: string): Message {
  return { type: 'info', code, message }
}

export function error(code: string, message: string, messageEn: string): Message {
  return { type: 'error', code, message, messageEn }
}
