/** The resident memory of `root` and every process below it, in kB (summed VmRSS). */
export function treeRssKb(root: number): number
