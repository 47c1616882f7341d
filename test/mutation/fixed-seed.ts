/**
 * Setup file of the mutation run: fast-check properties use one fixed seed (the same mutant is
 * killed or survives the same way every run) and stop at the first counterexample without
 * shrinking it (a mutant only needs to fail; shrinking would spend the mutant's time budget).
 */
import fc from 'fast-check'

fc.configureGlobal({ seed: 20261129, endOnFailure: true })
