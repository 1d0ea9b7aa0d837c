// What a file-system failure means for a reviewer, in their language (the code Node gives it).

const REASONS: Record<string, string> = {
  ENOSPC: '磁盘空间不足',
  EACCES: '没有访问权限',
  EPERM: '没有访问权限',
  EROFS: '磁盘为只读',
  ENOENT: '找不到文件或文件夹',
  EISDIR: '这是文件夹，不是文件',
  ENOTDIR: '路径中有一段不是文件夹',
  EBUSY: '文件正被其他程序占用（例如已在 Excel 中打开）',
  EMFILE: '打开的文件过多'
}

/** The code and the reason in Chinese, or null when `e` is not a known file-system error. */
export function fileSystemReason(e: unknown): { code: string; reason: string; path?: string } | null {
  const { code, path } = (e ?? {}) as { code?: unknown; path?: unknown }
  const reason = typeof code === 'string' ? REASONS[code] : undefined
  if (!reason) return null
  return { code: code as string, reason, ...(typeof path === 'string' ? { path } : {}) }
}
