/**
 * Org names for many records at once (exports). Few distinct orgs: one read each. Many (a province's
 * export names thousands of villages): read the whole tree once instead, which is ≈10^5 small rows and
 * far cheaper than as many single reads.
 */
import type { Repositories } from '../ports/store.port'

export class OrgNames {
  private readonly names = new Map<string, string>()
  private reads = 0
  private all = false

  constructor(
    private readonly repos: Pick<Repositories, 'orgs'>,
    private readonly maxSingleReads = 200,
  ) {}

  /** Makes the names of these ids available to name(). */
  async load(ids: Iterable<string>): Promise<void> {
    if (this.all) return
    const missing = [...new Set(ids)].filter((id) => !this.names.has(id))
    if (this.reads + missing.length > this.maxSingleReads) {
      for (const org of await this.repos.orgs.all()) this.names.set(org.id, org.name)
      this.all = true
      return
    }
    for (const id of missing) {
      this.reads++
      this.names.set(id, (await this.repos.orgs.get(id))?.name ?? '')
    }
  }

  /** The name, or '' for an org not loaded or no longer in the tree. */
  readonly name = (id: string): string => this.names.get(id) ?? ''
}
