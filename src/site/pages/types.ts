/** @module What a page generator returns: a file of the site. */
export interface SitePage {
  /** Relative to the site root, `/`-separated. */
  readonly path: string
  readonly content: string
}
