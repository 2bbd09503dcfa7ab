/**
 * The provisioning target on CloudBase, through @cloudbase/manager-node (TCB API 2018-06-08):
 * collections and indexes with its database service — ListTables, DescribeTable, CreateTable, and
 * UpdateTable with `DropIndexes` / `CreateIndexes` (`{ IndexName, MgoKeySchema: { MgoIsUnique,
 * MgoIndexKeys: [{ Name, Direction: "1" | "-1" }] } }`); security rules with DescribeSafeRule /
 * ModifySafeRule (`AclTag: CUSTOM`, `Rule`), which manager-node reaches only through commonService.
 * A rule of the console's 「所有用户不可读写」 (AclTag ADMINONLY) counts as denying clients too.
 */
import type CloudBase from '@cloudbase/manager-node'
import { DENY_ALL_CLIENTS, type IndexSpec } from './index-manifest'
import type { CollectionState, ProvisionTarget } from './provision.target'

const PAGE = 100

interface DescribedIndex {
  Name: string
  Keys?: { Name?: string; Direction?: string | number }[]
  Unique?: boolean
}

const indexOf = (index: DescribedIndex): IndexSpec => ({
  name: index.Name,
  unique: Boolean(index.Unique),
  fields: (index.Keys ?? []).map((key) => ({ name: String(key.Name), direction: Number(key.Direction) === -1 ? -1 : 1 })),
})

const createIndexOf = (index: IndexSpec) => ({
  IndexName: index.name,
  MgoKeySchema: { MgoIsUnique: index.unique, MgoIndexKeys: index.fields.map((f) => ({ Name: f.name, Direction: String(f.direction) })) },
})

/** Whether a described rule lets no client do anything: every operation it names is `false`. */
export function deniesClients(aclTag: string | undefined, rule: string | null | undefined): boolean {
  if (aclTag === 'ADMINONLY') return true
  if (aclTag !== 'CUSTOM' || !rule) return false
  try {
    const parsed = JSON.parse(rule) as Record<string, unknown>
    return 'read' in parsed && 'write' in parsed && Object.values(parsed).every((v) => v === false)
  } catch {
    return false
  }
}

export function managerNodeTarget(manager: CloudBase, options: { envId: string; wxAppId: string }): ProvisionTarget {
  const { database } = manager
  const tcb = manager.commonService('tcb', '2018-06-08')

  async function existingCollections(): Promise<Set<string>> {
    const names = new Set<string>()
    for (let offset = 0; ; offset += PAGE) {
      const page = await database.listCollections({ MgoLimit: PAGE, MgoOffset: offset })
      for (const table of page.Collections ?? []) names.add(table.CollectionName)
      if ((page.Collections ?? []).length < PAGE || names.size >= (page.Pager?.Total ?? 0)) return names
    }
  }

  return {
    label: `CloudBase ${options.envId}`,
    hasRules: true,
    describe: async (collections) => {
      const existing = await existingCollections()
      const states = new Map<string, CollectionState>()
      for (const name of collections.filter((c) => existing.has(c))) {
        const table = (await database.describeCollection(name)) as { Indexes?: DescribedIndex[] }
        const rule = (await tcb.call({
          Action: 'DescribeSafeRule',
          // "微信必传": a WeChat-bound environment answers only with the mini-program's AppID.
          Param: { EnvId: options.envId, CollectionName: name, WxAppId: options.wxAppId },
        })) as { AclTag?: string; Rule?: string | null }
        states.set(name, {
          indexes: (table.Indexes ?? []).filter((i) => i.Name !== '_id_').map(indexOf),
          clients: deniesClients(rule.AclTag, rule.Rule) ? 'denied' : 'allowed',
        })
      }
      return states
    },
    createCollection: async (collection) => {
      await database.createCollection(collection)
    },
    updateIndexes: async (collection, { create, replace }) => {
      if (replace.length > 0) await database.updateCollection(collection, { DropIndexes: replace.map((i) => ({ IndexName: i.name })) })
      const created = [...create, ...replace]
      if (created.length > 0) await database.updateCollection(collection, { CreateIndexes: created.map(createIndexOf) })
    },
    denyClients: async (collection) => {
      await tcb.call({
        Action: 'ModifySafeRule',
        Param: { EnvId: options.envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: JSON.stringify(DENY_ALL_CLIENTS) },
      })
    },
  }
}
