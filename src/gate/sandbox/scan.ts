/**
 * @module The static half of the module's sandbox (PROP-20, PROP-21): the source of a proposal's
 * module — `module.ts` and every file of the folder it imports — read with the TypeScript
 * compiler's parser, never run. It reports each reach for the clock, randomness, the process, the
 * global object, the network or code built from strings, each import outside the folder and the
 * allow-list, with file and line, and collects the regular expressions the code writes (PROP-24).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'

/** Packages a module may import at run time (PROP-21): independent parsers of the value domains the worked proposals use. */
export const ALLOWED_PACKAGES = ['ipaddr.js', '@renovatebot/pep440'] as const
/** Files of the core a module may import at run time (PROP-21), relative to the repository. */
export const ALLOWED_CORE = ['src/index.ts', 'src/caveats/types.ts'] as const

/** Globals that make an answer depend on something besides the inputs, or reach out of the module (PROP-20). */
const FORBIDDEN: Readonly<Record<string, string>> = {
  Date: 'the clock',
  performance: 'the clock',
  setTimeout: 'the clock',
  setInterval: 'the clock',
  setImmediate: 'the clock',
  queueMicrotask: 'the clock',
  crypto: 'randomness',
  process: 'the process',
  require: 'the process',
  globalThis: 'the global object',
  global: 'the global object',
  window: 'the global object',
  self: 'the global object',
  eval: 'code built from strings',
  Function: 'code built from strings',
  fetch: 'the network',
  XMLHttpRequest: 'the network',
  WebSocket: 'the network',
  EventSource: 'the network',
  navigator: 'the network',
  WebAssembly: 'code built from bytes',
}

export interface Finding {
  /** Relative to the proposal's folder. */
  readonly file: string
  readonly line: number
  readonly message: string
}

export interface FoundRegex {
  readonly file: string
  readonly line: number
  /** null when the pattern is not a constant the gate can compute. */
  readonly source: string | null
  readonly flags: string
}

export interface ScanResult {
  readonly findings: readonly Finding[]
  readonly regexes: readonly FoundRegex[]
  /** The files scanned, relative to the folder. */
  readonly files: readonly string[]
}

/** Whether `node` sits in a type position (a type annotation or declaration), erased before it runs. */
function inType(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n !== undefined; n = n.parent) {
    if (ts.isTypeNode(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) return true
    if (ts.isExpression(n) || ts.isStatement(n)) return false
  }
  return false
}

/** Whether the identifier names a property (`x.Date`, `{ Date: 1 }`), not the global. */
function isPropertyName(node: ts.Identifier): boolean {
  const p = node.parent
  return (
    (ts.isPropertyAccessExpression(p) && p.name === node) ||
    (ts.isPropertyAssignment(p) && p.name === node) ||
    (ts.isPropertyDeclaration(p) && p.name === node) ||
    (ts.isMethodDeclaration(p) && p.name === node) ||
    (ts.isPropertySignature(p) && p.name === node) ||
    (ts.isBindingElement(p) && p.propertyName === node) ||
    ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === node)
  )
}

/** A string the expression always evaluates to, from literals and `const`s of the same file, or null. */
function fold(node: ts.Expression, consts: ReadonlyMap<string, ts.Expression>, depth = 0): string | null {
  if (depth > 20) return null
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isParenthesizedExpression(node)) return fold(node.expression, consts, depth + 1)
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text
    for (const span of node.templateSpans) {
      const part = fold(span.expression, consts, depth + 1)
      if (part === null) return null
      out += part + span.literal.text
    }
    return out
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = fold(node.left, consts, depth + 1)
    const right = left === null ? null : fold(node.right, consts, depth + 1)
    return left === null || right === null ? null : left + right
  }
  if (ts.isIdentifier(node)) {
    const init = consts.get(node.text)
    return init === undefined ? null : fold(init, consts, depth + 1)
  }
  return null
}

/** The run-time import specifiers of a file (type-only imports are erased and not listed). */
function runtimeImports(file: ts.SourceFile): { spec: string; line: number }[] {
  const out: { spec: string; line: number }[] = []
  const line = (n: ts.Node) => file.getLineAndCharacterOfPosition(n.getStart(file)).line + 1
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)))
      if (!typeOnly) out.push({ spec: node.moduleSpecifier.text, line: line(node) })
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      out.push({ spec: node.moduleSpecifier.text, line: line(node) })
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0]
      out.push({ spec: arg !== undefined && ts.isStringLiteral(arg) ? arg.text : '(a computed name)', line: line(node) })
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return out
}

/** The TypeScript file a relative specifier names (`./ip.js` → `ip.ts`), or the path itself. */
function resolveLocal(from: string, spec: string): string {
  const path = resolve(dirname(from), spec)
  for (const candidate of [path.replace(/\.js$/, '.ts'), `${path}.ts`, join(path, 'index.ts')]) if (existsSync(candidate)) return candidate
  return path
}

/** Scans `dir/module.ts` and the files of `dir` it imports; `root` is the repository (for the core allow-list). */
export function scanModule(root: string, dir: string): ScanResult {
  const findings: Finding[] = []
  const regexes: FoundRegex[] = []
  const seen = new Set<string>()
  const queue = [join(dir, 'module.ts')]
  const allowedCore = new Set(ALLOWED_CORE.map((p) => resolve(root, p)))
  while (queue.length > 0) {
    const path = queue.shift() as string
    if (seen.has(path)) continue
    seen.add(path)
    const name = relative(dir, path)
    if (!existsSync(path)) {
      findings.push({ file: name, line: 0, message: 'is imported but does not exist' })
      continue
    }
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS)
    const at = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1
    const report = (node: ts.Node | number, message: string) => findings.push({ file: name, line: typeof node === 'number' ? node : at(node), message })

    for (const { spec, line } of runtimeImports(file)) {
      if (spec.startsWith('.')) {
        const target = resolveLocal(path, spec)
        const inside = target.startsWith(dir + sep)
        if (inside && target.endsWith('.ts')) queue.push(target)
        else if (inside && target.endsWith('.json')) continue
        else if (!allowedCore.has(target)) report(line, `imports ${spec}, outside the proposal's folder and the allow-list (${ALLOWED_CORE.join(', ')})`)
      } else if (!(ALLOWED_PACKAGES as readonly string[]).includes(spec)) {
        report(line, `imports ${spec}, which is not on the allow-list (${ALLOWED_PACKAGES.join(', ')})`)
      }
    }

    const consts = new Map<string, ts.Expression>()
    const collect = (node: ts.Node) => {
      if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.Const) !== 0) {
        for (const d of node.declarations) if (ts.isIdentifier(d.name) && d.initializer !== undefined) consts.set(d.name.text, d.initializer)
      }
      ts.forEachChild(node, collect)
    }
    collect(file)

    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && !isPropertyName(node) && !inType(node)) {
        const what = FORBIDDEN[node.text]
        if (what !== undefined) report(node, `${node.text} reaches for ${what}`)
        else if (node.text === 'Math') {
          const p = node.parent
          const member = ts.isPropertyAccessExpression(p) && p.expression === node ? p.name.text : null
          if (member === 'random') report(node, 'Math.random reaches for randomness')
          else if (member === null) report(node, 'Math used as a value can reach Math.random (randomness)')
        }
      }
      if (ts.isPropertyAccessExpression(node) && ['constructor', '__proto__'].includes(node.name.text)) report(node, `.${node.name.text} can reach the Function constructor (code built from strings)`)
      if (ts.isElementAccessExpression(node)) {
        const key = ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : null
        if (key === 'constructor' || key === '__proto__') report(node, `[${JSON.stringify(key)}] can reach the Function constructor (code built from strings)`)
      }
      if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) report(node, 'import.meta reaches for the process')
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text
        const end = text.lastIndexOf('/')
        regexes.push({ file: name, line: at(node), source: text.slice(1, end), flags: text.slice(end + 1) })
      }
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? []
        const source = pattern === undefined ? '' : fold(pattern, consts)
        const flagText = flags === undefined ? '' : fold(flags, consts)
        regexes.push({ file: name, line: at(node), source: flagText === null ? null : source, flags: flagText ?? '' })
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
  }
  return { findings, regexes, files: [...seen].map((p) => relative(dir, p)) }
}
