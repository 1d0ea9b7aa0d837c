import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { analyse } from './analyse'

const SEED = join(resolve(__dirname, '../../..'), 'shared', 'seeds', '000_445a8fa4a95c6cf5.txt')
const SAID_NONE = '全年没有收到信息公开申请'

async function textFindings(text: string) {
  const result = await analyse({ name: 'seed.txt', bytes: new TextEncoder().encode(text) })
  return result.value!.json.findings.filter((f) => f.rule.startsWith('text.'))
}

describe('analyse', () => {
  it('checks the report’s prose against its tables, so the JSON carries those findings', async () => {
    const original = readFileSync(SEED, 'utf8')
    expect(original).toContain(SAID_NONE)
    expect((await textFindings(original)).filter((f) => f.status === 'fail')).toEqual([])
    const planted = await textFindings(original.replace(SAID_NONE, '全年共收到政府信息公开申请15件'))
    expect(planted.filter((f) => f.status === 'fail')).toMatchObject([{ quote: expect.stringContaining('15件') }])
  })
})
