/** @module Project-scope rules shared by tags 1, 2 and their legacy forms. */
import type { VerifyContext } from '../generated/types.js'

const quoteList = (items: readonly string[]) => items.map((s) => JSON.stringify(s)).join(', ')

/** PNAME-3 / PNAME-4: exact membership of the context's normalized name; no project → not satisfied. */
export function checkProjectName(names: readonly string[], context: VerifyContext): string | null {
  if (context.project === null) return 'project-scoped token used outside of a project context'
  if (names.includes(context.project.normalized_name)) return null
  return `token is not valid for project ${JSON.stringify(context.project.normalized_name)} (allowed: ${quoteList(names) || 'none'})`
}

/** PID-3 / PID-4: exact membership of the context's project id; no project → not satisfied. */
export function checkProjectId(ids: readonly string[], context: VerifyContext): string | null {
  if (context.project === null) return 'project-scoped token used outside of a project context'
  if (ids.includes(context.project.id)) return null
  return `token is not valid for project id ${JSON.stringify(context.project.id)} (allowed: ${quoteList(ids) || 'none'})`
}

export function explainNames(names: readonly string[]): string {
  if (names.length === 0) return 'Valid for no project at all (empty list): the token cannot be used.'
  if (names.length === 1) return `Only for the project named ${JSON.stringify(names[0])}.`
  return `Only for the projects named ${quoteList(names)}.`
}

export function explainIds(ids: readonly string[]): string {
  if (ids.length === 0) return 'Valid for no project at all (empty list): the token cannot be used.'
  if (ids.length === 1) return `Only for the project with id ${ids[0]}.`
  return `Only for the projects with ids ${ids.join(', ')}.`
}
