import { Library } from '../src/library/library'
const lib = new Library('/tmp/bench10k.sqlite')
const med = (fn: () => unknown) => { const t: number[] = []; for (let i = 0; i < 5; i++) { const t0 = performance.now(); fn(); t.push(performance.now() - t0) } return t.sort((a, b) => a - b)[2].toFixed(0) }
for (const f of [{}, { all: true }, { years: [2021] }, { years: [2021], all: true }, { agency: '益阳' }, { years: [2021, 2022], agency: '益阳' }]) console.log(JSON.stringify(f), med(() => lib.stats(f)), 'ms')
lib.close()
