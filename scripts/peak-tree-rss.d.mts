/** The resident memory of `root` and every process below it, in kB (summed VmRSS). */
export function treeRssKb(root: number): number
/** Seconds of CPU used so far by `root` and every process below it (live ones, and the children they waited for). */
export function treeCpuSeconds(root: number): number
