// Against formula injection: a spreadsheet program must never run text from a report as a formula.

/** Plain numbers ("-3", "1,234.5") and lone dashes cannot be formulas and stay as written. */
const HARMLESS = /^(?:[+-]?[\d,.]+|[-—–]+)$/

/** Text starting with = + - @, tab or CR is prefixed with ' so it is shown, not evaluated. */
export function neutralise(text: string): string {
  if (text === '' || !/^[=+\-@\t\r]/.test(text) || HARMLESS.test(text)) return text
  return `'${text}`
}
