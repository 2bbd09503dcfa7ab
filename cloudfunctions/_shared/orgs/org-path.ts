/**
 * An org and its ancestors (the tree has five levels), in the reads the store needs for it
 * (OrgRepository.path). A village's ladder, the subtree checks of statistics and the counters of
 * onboarding all stand on it.
 */
import { chainFrom } from '../domain/org-ladder'
import type { OrgRecord, Repositories } from '../ports/store.port'

/** The org first, then its parent, up to the root; [] when the org does not exist. */
export const orgPath = (repos: Pick<Repositories, 'orgs'>, orgId: string): Promise<OrgRecord[]> => repos.orgs.path(orgId)
/** The ladder of a village up to the province, or what is wrong with it (domain/org-ladder.ts). */
export async function villageLadder(repos: Pick<Repositories, 'orgs'>, villageId: string): Promise<ReturnType<typeof chainFrom>> {
  const path = await orgPath(repos, villageId)
  return chainFrom(new Map(path.map((org) => [org.id, org])), villageId)
}

/** An org's name by its id; '' for one not known. */
export type OrgName = (id: string) => string

/**
 * Org names for many records at once (lists, exports): the ids not loaded yet in one `many` (a
 * bounded number of reads however many, where a read each would be one per org).
 */
export class OrgNames {
  private readonly names = new Map<string, string>()

  constructor(private readonly repos: Pick<Repositories, 'orgs'>) {}

  /** Makes the names of these ids available to name(); answers name. */
  async load(ids: Iterable<string>): Promise<OrgName> {
    const missing = [...new Set(ids)].filter((id) => !this.names.has(id))
    if (missing.length === 0) return this.name
    for (const id of missing) this.names.set(id, '')
    for (const org of await this.repos.orgs.many(missing)) this.names.set(org.id, org.name)
    return this.name
  }

  /** The name, or '' for an org not loaded or no longer in the tree. */
  readonly name: OrgName = (id) => this.names.get(id) ?? ''
}
