/** The per-file mutation scores as the Markdown table docs/mutation.md shows (a test keeps the two equal). */
import type { FileScore } from './scores.js'

export function scoresTable(files: Record<string, FileScore & { readonly threshold: number }>): string {
  const rows = Object.entries(files).map(([file, s]) => `| \`${file.replace(/^src\//, '')}\` | ${s.score.toFixed(2)} | ${s.killed + s.timeout} | ${s.survived + s.noCoverage} | ${s.equivalent} | ${s.threshold} |`)
  return ['| file | score % | killed | survived | equivalent | threshold % |', '|---|---|---|---|---|---|', ...rows].join('\n')
}
