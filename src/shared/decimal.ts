// Amounts (万元) are written with decimals, and binary floating point cannot hold most of them:
// 0.1 + 0.2 adds up to 0.30000000000000004, and a column of fees to 41331.76608200001. Sums of
// amounts are therefore added as whole numbers of their smallest written unit (scaled integers)
// and printed with as many decimals as the reports wrote — never more, never fewer ("1.50" stays
// two decimals). Pure, shared by the library, the command line and the 统计 screen.

/** Digits after the decimal point of the number as written: "1.50" → 2, "3" → 0, "1,234.5万元" → 1, "/" → 0. */
export function decimalsWritten(raw: string | null | undefined): number {
  if (!raw) return 0
  const m = /\d\.(\d+)/.exec(raw.normalize('NFKC'))
  return m ? m[1].length : 0
}

/** Digits after the point of a number's shortest form: 0.1 → 1, 41331.766082 → 6, 1e-7 → 7. */
export function decimalsOf(n: number): number {
  if (Number.isInteger(n) || !Number.isFinite(n)) return 0
  const [mantissa, exponent] = String(n).split('e')
  const fraction = mantissa.split('.')[1]?.length ?? 0
  return Math.max(0, fraction - Number(exponent ?? 0))
}

/** 10^n for n ≤ 22: exact as doubles. */
const POW10 = Array.from({ length: 23 }, (_, n) => 10 ** n)
/** Below this, value × 10^scale is within 0.5 of its whole number even after two roundings: Math.round gives it exactly. */
const EXACT_PRODUCT = 2 ** 50

/**
 * A running sum of decimal numbers, exact: each term is turned into a whole number of 10^-scale
 * (the scale grows to the most decimals seen), so the total is the decimal sum itself, rounded to
 * a double only once at the end. Whole numbers of units are added as doubles while they are safe
 * integers (every real library), and as BigInt beyond.
 */
export class DecimalSum {
  /** Decimals held: the most any term had (its shortest form, or as written when told). */
  scale = 0
  private units = 0
  private big: bigint | null = null

  /** A sum starting from a running total of whole numbers. */
  static from(whole: number): DecimalSum {
    const sum = new DecimalSum()
    sum.add(whole)
    return sum
  }

  /**
   * `written`: the decimals the term was written with ("1.50": 2), when known; a value parsed from
   * that text never has more, so its own digits are counted only when it is not given.
   */
  add(value: number, written = 0): void {
    const decimals = written > 0 ? written : Number.isInteger(value) ? 0 : decimalsOf(value)
    if (decimals > this.scale) this.rescale(decimals)
    if (this.big === null && this.scale < POW10.length) {
      const product = value * POW10[this.scale]
      if (Math.abs(product) < EXACT_PRODUCT) {
        const next = this.units + Math.round(product)
        if (Number.isSafeInteger(next)) {
          this.units = next
          return
        }
      }
    }
    this.toBig()
    this.big! += scaled(value, this.scale)
  }

  /** The sum as the nearest double (what a number cell or JSON holds). */
  get value(): number {
    if (this.big !== null) return Number(decimalText(this.big, this.scale))
    // Both exact doubles: the quotient is the double nearest the decimal sum.
    return this.scale === 0 ? this.units : this.units / POW10[this.scale]
  }

  /** The sum printed at its scale: "41331.766082". */
  get text(): string {
    return decimalText(this.big ?? BigInt(this.units), this.scale)
  }

  private rescale(decimals: number): void {
    const grow = decimals - this.scale
    this.scale = decimals
    if (this.big === null && decimals < POW10.length) {
      const next = this.units * POW10[grow]
      if (Number.isSafeInteger(next)) {
        this.units = next
        return
      }
    }
    this.toBig()
    this.big! *= 10n ** BigInt(grow)
  }

  private toBig(): void {
    if (this.big === null) {
      // Units were counted at the old scale only while safe; rescale() multiplied them before calling.
      this.big = BigInt(this.units)
    }
  }
}

/** value × 10^scale as a whole number, from its decimal digits (not by multiplying the double). */
function scaled(value: number, scale: number): bigint {
  const negative = value < 0
  const [mantissa, exponent] = String(Math.abs(value)).split('e')
  const [int, frac = ''] = mantissa.split('.')
  const shift = scale + Number(exponent ?? 0)
  const digits = int + frac
  const point = int.length + shift
  // Digits past the scale cannot occur (the scale is at least the term's decimals); they would be dropped.
  const whole = point <= 0 ? '0' : (digits + '0'.repeat(Math.max(0, point - digits.length))).slice(0, point)
  const n = BigInt(whole)
  return negative ? -n : n
}

function decimalText(units: bigint, scale: number): string {
  if (scale === 0) return units.toString()
  const negative = units < 0n
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0')
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

/** Exact sum of decimal numbers (see DecimalSum). */
export function addDecimals(values: readonly number[]): number {
  const sum = new DecimalSum()
  for (const v of values) sum.add(v)
  return sum.value
}

/** a − b, exact in decimals: 12.3 − 10.1 is 2.2 (floating point says 2.2000000000000011). */
export function subtractDecimals(a: number, b: number): number {
  const sum = new DecimalSum()
  sum.add(a)
  sum.add(-b)
  return sum.value
}

/** A number printed with the decimals it was written with: (41331.766082, 6) → "41331.766082", (1.5, 2) → "1.50". */
export function formatDecimal(value: number, decimals = 0): string {
  return decimals > 0 ? value.toFixed(Math.min(decimals, 100)) : String(value)
}
