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
