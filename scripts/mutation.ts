/**
 * npm run mutation [-- --since REF] [--report FILE] [--json FILE] [--scores FILE] [--equivalent FILE]
 *
 * Mutation testing with StrykerJS (stryker.config.json; not the mutant gate of `npm run mutants`,
 * which checks the vectors against named plausible bugs). Runs Stryker on every file in scope, or
 * with --since on those changed since REF (and does nothing, quickly, when none did), then scores
 * each file, leaving out the mutants test/mutation/equivalent.json lists, records the scores in
 * test/mutation/scores.json and lists every other surviving mutant. --report scores an existing
 * Stryker JSON report instead of running Stryker; --scores and --equivalent name other files than
 * test/mutation/scores.json and test/mutation/equivalent.json; --json writes what was measured.
 *
 * Exit status 0 when every measured file meets its threshold and no equivalent.json entry for a
 * measured file is stale; 1 otherwise; 2 on bad usage.
 */
import { mutationCommand } from './mutation/command.js'

process.exitCode = mutationCommand(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) })
