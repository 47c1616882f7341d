/** The mutation scores as the Markdown tables docs/mutation.md shows (a test keeps them equal to scores.json). */
import type { FileScore } from './scores.js'
import { inVectorsCore, type VectorsScores } from './vectors.js'

const name = (file: string) => `\`${file.replace(/^src\//, '')}\``

/** The main score, per file, with the target beside each file's ratchet threshold. */
export function scoresTable(files: Record<string, FileScore & { readonly threshold: number }>, target = 95): string {
  const rows = Object.entries(files).map(([file, s]) => `| ${name(file)} | ${s.score.toFixed(2)} | ${s.killed + s.timeout} | ${s.survived + s.noCoverage} | ${s.equivalent} | ${s.threshold} | ${target} |`)
  return ['| file | score % | killed | survived | equivalent | threshold % | target % |', '|---|---|---|---|---|---|---|', ...rows].join('\n')
}

/** The vectors-alone score: the core as a whole (the target's row), then every file, messages left out. */
export function vectorsTable(v: VectorsScores): string {
  const row = (label: string, s: FileScore, threshold = '', target = '') => `| ${label} | ${s.score.toFixed(2)} | ${s.killed + s.timeout} | ${s.survived + s.noCoverage} | ${s.equivalent} | ${s.messages ?? 0} | ${threshold} | ${target} |`
  const files = Object.entries(v.files).map(([file, s]) => row(`${name(file)}${inVectorsCore(file) ? '' : ' (outside the core)'}`, s))
  return [
    '| file | score % | killed | survived | equivalent | messages left out | threshold % | target % |',
    '|---|---|---|---|---|---|---|---|',
    row('**the core, together**', v.core, String(v.core.threshold), String(v.target)),
    ...files,
  ].join('\n')
}
