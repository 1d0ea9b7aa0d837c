import { describe, expect, it } from 'vitest'
import { agencyInputProblem } from './agency-input'

describe('agencyInputProblem (机关 is a name, never markup)', () => {
  it.each([
    ['益阳市应急管理局', null],
    ['平潭综合实验区管理委员会（办公室）', null],
    ['国家税务总局·北京市税务局 第一分局', null],
    ['某局</style>', /“<”/],
    ['某局"; } @top-right', /“"”/],
    ["某局'", /“'”/],
    ['某局\\', /“\\”/],
    ['某局\r伪造', /控制字符 U\+000D/],
    ['某局\f伪造', /控制字符 U\+000C/],
    ['某局\n伪造', /控制字符 U\+000A/],
    ['某局\u2028伪造', /控制字符 U\+2028/]
  ])('%j → %s', (value, expected) => {
    const problem = agencyInputProblem(value)
    if (expected === null) expect(problem).toBeNull()
    else expect(problem).toMatch(expected)
  })
})
