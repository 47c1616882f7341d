/**
 * npm run mutation [-- [--vectors] --full | --files PATHS | --retest-survivors] [--report FILE] [--json FILE] [--scores FILE] [--equivalent FILE]
 *
 * Mutation testing with StrykerJS (stryker.config.json; not the mutant gate of `npm run mutants`,
 * which checks the vectors against named plausible bugs). Runs Stryker on every file in scope in
 * its incremental mode: the committed test/mutation/stryker-incremental.json says which mutants'
 * results still hold (their code and their covering tests did not change) and only the others are
 * re-tested; --full re-tests every mutant (Stryker's --force) and rewrites that file; --files
 * PATHS (comma-separated, any paths: those outside the scope are dropped) mutates those files alone,
 * from scratch, without touching that file, and merges their scores into the record (what CI does
 * until the committed incremental file exists); --retest-survivors first forgets the incremental
 * file's survivors and uncovered mutants, so that they are tested again and every detection is
 * reused (after a change Stryker cannot see, such as a fix to the test configuration); --vectors
 * runs the vectors-alone configuration (stryker.vectors.config.json) instead. Then scores
 * each file from the whole report, leaving out the mutants test/mutation/equivalent.json lists,
 * records the scores in test/mutation/scores.json and lists every other surviving mutant. --report
 * scores an existing Stryker JSON report instead of running Stryker; --scores and --equivalent name
 * other files than test/mutation/scores.json and test/mutation/equivalent.json; --json writes what
 * was measured.
 *
 * Exit status 0 when every file meets its threshold and no equivalent.json entry is stale; 1
 * otherwise; 2 on bad usage.
 */
import { mutationCommand } from './mutation/command.js'

process.exitCode = mutationCommand(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) })
