/**
 * npm run golden:update [-- FAMILY...]
 *
 * Rewrites the golden files (test/golden/files/*.txt) from what src/ prints now, and says which
 * changed. Review the change with `git diff test/golden/files` before committing (docs/golden.md).
 * Exit status 0; 2 when a named family does not exist.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { absolutePath, FAMILIES, familyPath } from '../test/golden/families.js'

const wanted = process.argv.slice(2)
const unknown = wanted.filter((w) => !FAMILIES.some((f) => f.name === w))
if (unknown.length > 0) {
  console.error(`golden:update: no family ${unknown.map((u) => JSON.stringify(u)).join(', ')} (families: ${FAMILIES.map((f) => f.name).join(', ')})`)
  process.exit(2)
}
for (const family of FAMILIES.filter((f) => wanted.length === 0 || wanted.includes(f.name))) {
  const text = await family.render()
  const path = absolutePath(family.name)
  const before = existsSync(path) ? readFileSync(path, 'utf8') : null
  if (before === text) {
    console.log(`unchanged  ${familyPath(family.name)}`)
    continue
  }
  writeFileSync(path, text)
  console.log(`${before === null ? 'created' : 'updated'}    ${familyPath(family.name)}  (review: git diff ${familyPath(family.name)})`)
}
