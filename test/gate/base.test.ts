import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { prepareBase } from '../../src/gate/base.js'
import { checkBase } from '../../src/gate/checks/base.js'
import { BASE_FILES, CHANGE_SETS, PROPOSAL_FILES } from '../fixtures/broken-proposals/base-change-sets.js'

let temp: string
const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=gate test', '-c', 'user.email=gate@index.example', '-c', 'commit.gpgsign=false', ...args], { stdio: 'pipe' }).toString('utf8').trim()

function write(dir: string, files: Readonly<Record<string, string | null>>): void {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, path))
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
  }
}

/** A repository whose main holds BASE_FILES, on the branch `proposal` that adds a proposal. */
function repository(): string {
  const repo = join(temp, 'repo')
  mkdirSync(repo)
  git(repo, 'init', '-q', '-b', 'main')
  write(repo, BASE_FILES)
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'base')
  git(repo, 'checkout', '-q', '-b', 'proposal')
  write(repo, PROPOSAL_FILES)
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'the proposal')
  return repo
}

beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'gate-base-'))
})
afterEach(() => rmSync(temp, { recursive: true, force: true }))

describe('the base check: a proposal adds, it never edits (PROP-27, PROP-28)', () => {
  it.each(CHANGE_SETS.map((c) => [c.name, c] as const))('%s fails, naming the path', (_name, change) => {
    const repo = repository()
    write(repo, change.writes)
    if (change.state === 'committed') {
      git(repo, 'add', '-A')
      git(repo, 'commit', '-q', '-m', change.description)
    }
    const result = prepareBase(repo, 'main', join(temp, 'base'))
    const check = checkBase(result)
    expect(check.name).toBe('base')
    expect(check.status).toBe('FAIL')
    expect(check.problems).toHaveLength(change.fails.length)
    change.fails.forEach((phrase, i) => expect(check.problems[i]).toContain(phrase))
    // What the gate judges with is the base's, not the change set's.
    for (const path of Object.keys(BASE_FILES).filter((p) => !p.startsWith('CHANGELOG'))) {
      expect(readFileSync(join(temp, 'base', path), 'utf8')).toBe(BASE_FILES[path])
    }
  })

  it('passes a branch that only adds a proposal and its CHANGELOG entry, and judges from the merge-base, not main as it is now', () => {
    const repo = repository()
    const branchPoint = git(repo, 'rev-parse', 'main')
    // main moves on after the branch was made: its new spec is not the proposal's edit.
    git(repo, 'checkout', '-q', 'main')
    write(repo, { 'spec/limits.md': 'changed on main later\n' })
    git(repo, 'commit', '-q', '-am', 'main moves on')
    git(repo, 'checkout', '-q', 'proposal')
    const result = prepareBase(repo, 'main', join(temp, 'base'))
    expect(checkBase(result)).toMatchObject({ name: 'base', status: 'PASS', summary: expect.stringContaining(`judged against main (merge-base ${branchPoint.slice(0, 12)})`) })
    expect(readFileSync(join(temp, 'base', 'spec/limits.md'), 'utf8')).toBe(BASE_FILES['spec/limits.md'])
  })

  it("passes in CI's fresh clone of main, where HEAD is main and the change set is empty", () => {
    const repo = repository()
    git(repo, 'checkout', '-q', 'main')
    const clone = join(temp, 'clone')
    execFileSync('git', ['clone', '-q', repo, clone], { stdio: 'pipe' })
    const result = prepareBase(clone, 'main', join(temp, 'base'))
    expect(result.ok && result.base.mergeBase === git(clone, 'rev-parse', 'HEAD') && result.base.changes.length === 0).toBe(true)
    expect(checkBase(result).status).toBe('PASS')
  })

  it('falls back to origin/<ref> when a clone has no local branch of that name', () => {
    const repo = repository()
    const clone = join(temp, 'clone')
    execFileSync('git', ['clone', '-q', '--branch', 'proposal', repo, clone], { stdio: 'pipe' })
    const result = prepareBase(clone, 'main', join(temp, 'base'))
    expect(result.ok && result.base.resolved).toBe('origin/main')
  })

  it('fails closed when the ref does not exist, naming it and how to fix it', () => {
    const check = checkBase(prepareBase(repository(), 'trunk', join(temp, 'base')))
    expect(check).toMatchObject({ name: 'base', status: 'FAIL' })
    expect(check.problems[0]).toContain('cannot judge against a base: the base ref trunk does not exist here (nor origin/trunk): fetch it')
  })

  it('fails closed outside a git work tree (a tarball)', () => {
    const plain = join(temp, 'tarball')
    mkdirSync(plain)
    write(plain, BASE_FILES)
    const check = checkBase(prepareBase(plain, 'main', join(temp, 'base')))
    expect(check.problems[0]).toContain('is not a git work tree (a tarball?), so there is no base to judge against')
  })
})
