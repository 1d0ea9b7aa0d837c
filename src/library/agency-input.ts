// What a reviewer may type as 机关 (or a merged library may carry): a name, never markup. The print
// view escapes whatever it is given (export/paper/html.ts cssString), and this refuses, at the edit,
// the characters only an attack needs: a real agency name holds no <, >, quotes, backslash or
// control characters. Pure: the edit acts (src/library/review/) call it.

/** Characters refused in 机关, named for the message. */
const REFUSED = /[<>"'\\`\u0000-\u001f\u007f-\u009f\u2028\u2029]/

/** Why `value` cannot be a 机关 name (in Chinese), or null when it can. */
export function agencyInputProblem(value: string): string | null {
  const hit = REFUSED.exec(value)
  if (!hit) return null
  const c = hit[0]
  const shown = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(c)
    ? `控制字符 U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}（如换行、回车、换页）`
    : `“${c}”`
  return `机关名称不能包含 ${shown}：请只填写机关名称（不能含 < > " ' \\ \` 或换行等控制字符）`
}
