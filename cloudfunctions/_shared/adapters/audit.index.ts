/**
 * How both Store adapters find an org's subtree in the audit log (sqlite/audit.sqlite.ts,
 * cloudbase/audit.cloudbase.ts): each entry is keyed by its org path, so a subtree is one key range.
 */

/** `/p/c1/v1/`: the trailing slash keeps `/p/c1/` from matching `/p/c11/`. */
export const pathKey = (orgPath: readonly string[]) => `/${orgPath.join('/')}/`

/** Every key in the subtree starts with `from`; `to` ('\uffff' after it) sorts after any of them. */
export function subtreeRange(orgPath: readonly string[]): { from: string; to: string } {
  const from = pathKey(orgPath)
  return { from, to: `${from}\uffff` }
}
