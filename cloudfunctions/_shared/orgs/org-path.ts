/**
 * An org and its ancestors, walked up by parentId: at most five reads (the tree has five levels).
 * A village's ladder, the subtree checks of statistics and the counters of onboarding all stand on it.
 */
import { chainFrom } from '../domain/org-ladder'
import type { OrgRecord, Repositories } from '../ports/store.port'

/** The org first, then its parent, up to the root; [] when the org does not exist. */
export async function orgPath(repos: Pick<Repositories, 'orgs'>, orgId: string): Promise<OrgRecord[]> {
  const path: OrgRecord[] = []
  const seen = new Set<string>()
  // The seen set stops a corrupt tree (a parent loop) from walking forever.
  for (let id: string | null = orgId; id !== null && !seen.has(id); ) {
    seen.add(id)
    const org: OrgRecord | null = await repos.orgs.get(id)
    if (!org) break
    path.push(org)
    id = org.parentId
  }
  return path
}
/** The ladder of a village up to the province, or what is wrong with it (domain/org-ladder.ts). */
export async function villageLadder(repos: Pick<Repositories, 'orgs'>, villageId: string): Promise<ReturnType<typeof chainFrom>> {
  const path = await orgPath(repos, villageId)
  return chainFrom(new Map(path.map((org) => [org.id, org])), villageId)
}

/** An org's name by its id; '' for one not known. */
export type OrgName = (id: string) => string

/**
 * Org names for many records at once (lists, exports). Few distinct orgs: one read each. Many (a
 * province's export names thousands of villages): read the whole tree once instead, which is ≈10^5
 * small rows and far cheaper than as many single reads.
 */
export class OrgNames {
  private readonly names = new Map<string, string>()
  private reads = 0
  private all = false

  constructor(
    private readonly repos: Pick<Repositories, 'orgs'>,
    private readonly maxSingleReads = 200,
  ) {}

  /** Makes the names of these ids available to name(); answers name. */
  async load(ids: Iterable<string>): Promise<OrgName> {
    if (this.all) return this.name
    const missing = [...new Set(ids)].filter((id) => !this.names.has(id))
    if (this.reads + missing.length > this.maxSingleReads) {
      for (const org of await this.repos.orgs.all()) this.names.set(org.id, org.name)
      this.all = true
      return this.name
    }
    for (const id of missing) {
      this.reads++
      this.names.set(id, (await this.repos.orgs.get(id))?.name ?? '')
    }
    return this.name
  }

  /** The name, or '' for an org not loaded or no longer in the tree. */
  readonly name: OrgName = (id) => this.names.get(id) ?? ''
}
