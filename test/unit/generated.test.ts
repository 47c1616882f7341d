import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generatedFiles } from '../../scripts/gen-types.js'
import { VERSION } from '../../src/version.js'

const root = join(import.meta.dirname, '..', '..')

describe('generated code', () => {
  it('src/generated/ is exactly what the schemas produce (npm run generate)', async () => {
    for (const [path, content] of await generatedFiles()) {
      expect(readFileSync(join(root, path), 'utf8'), `${path} is stale: run npm run generate`).toBe(content)
    }
  }, 30000)

  it('the reported version is the package version', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version)
  })
})
