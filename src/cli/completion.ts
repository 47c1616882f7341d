/**
 * @module `pypi-token completion bash|zsh`: shell completion scripts, generated from the command
 * table and the options each command's help documents, so that they cannot drift apart.
 */

export interface CompletionCommand {
  readonly name: string
  readonly summary: string
  /** The command's options, from its help. */
  readonly options: readonly string[]
  /** Subcommands (conformance run, matrix, fuzz) with their options. */
  readonly subcommands?: Readonly<Record<string, readonly string[]>>
  /** Fixed words for the first argument (help <command>, completion <shell>). */
  readonly words?: readonly string[]
}

/** Every `--option` a help text mentions, in order of first mention. */
export function optionsIn(usage: string): string[] {
  return [...new Set(usage.match(/--[a-z][a-z0-9-]*/g) ?? [])].filter((o) => o !== '--help')
}

const words = (list: readonly string[]) => list.join(' ')
const zshWords = (list: readonly string[]) => list.map((w) => `'${w}'`).join(' ')

export function bashCompletion(commands: readonly CompletionCommand[]): string {
  const cases = commands.map((c) => {
    if (c.subcommands !== undefined) {
      const subs = Object.entries(c.subcommands).map(([s, o]) => `        ${s}) opts="${words(o)}" ;;`)
      return [
        `    ${c.name})`,
        `      if [ "$COMP_CWORD" -eq 2 ]; then COMPREPLY=($(compgen -W "${words(Object.keys(c.subcommands))}" -- "$cur")); return; fi`,
        '      case "${COMP_WORDS[2]}" in',
        ...subs,
        '      esac ;;',
      ].join('\n')
    }
    if (c.words !== undefined) return `    ${c.name}) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "${words(c.words)}" -- "$cur")); return ;;`
    return `    ${c.name}) opts="${words(c.options)}" ;;`
  })
  return `# bash completion for pypi-token. Load it with
#   source <(pypi-token completion bash)
# or save it as ~/.local/share/bash-completion/completions/pypi-token
_pypi_token() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${words(commands.map((c) => c.name))} --help --version" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
  esac
  case "$cur" in
    -*) COMPREPLY=($(compgen -W "$opts --help" -- "$cur")) ;;
  esac
}
complete -o default -F _pypi_token pypi-token
`
}

export function zshCompletion(commands: readonly CompletionCommand[]): string {
  const described = commands.map((c) => `    '${c.name}:${c.summary.replace(/'/g, "'\\''").replace(/:/g, '\\:')}'`)
  const cases = commands.map((c) => {
    if (c.subcommands !== undefined) {
      const subs = Object.entries(c.subcommands).map(([s, o]) => `        ${s}) opts=(${zshWords(o)}) ;;`)
      return [
        `    ${c.name})`,
        `      if (( CURRENT == 3 )); then compadd -- ${zshWords(Object.keys(c.subcommands))}; return; fi`,
        '      case $words[3] in',
        ...subs,
        '      esac ;;',
      ].join('\n')
    }
    if (c.words !== undefined) return `    ${c.name}) (( CURRENT == 3 )) && compadd -- ${zshWords(c.words)}; return ;;`
    return `    ${c.name}) opts=(${zshWords(c.options)}) ;;`
  })
  return `#compdef pypi-token
# zsh completion for pypi-token. Load it with
#   source <(pypi-token completion zsh)      (after compinit)
# or save it as _pypi-token in a directory of $fpath.
_pypi-token() {
  local -a commands opts
  commands=(
${described.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case $words[2] in
${cases.join('\n')}
  esac
  if [[ $PREFIX == -* ]]; then
    compadd -- $opts --help
  else
    _files
  fi
}
if [[ "$funcstack[1]" == "_pypi-token" ]]; then
  _pypi-token "$@"
else
  compdef _pypi-token pypi-token
fi
`
}
