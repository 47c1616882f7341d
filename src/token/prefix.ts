/** @module The token prefix verifiers require (TOKEN-2). */
export const PYPI_PREFIX = 'pypi'
