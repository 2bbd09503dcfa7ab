/**
 * The ladder a case climbs: village → township → county → city → province. A case captures its
 * chain (the org at each level on its village's path to the province) when it is submitted, so the
 * decider alone knows where a case goes next without reading the org tree.
 */
import { LEVELS, type Level } from '../../../types/enums'
import { domainError, type DomainError } from './domain.errors'

/** The org id at each level on one village's path to the province. */
export type Chain = Readonly<Record<Level, string>>

/** The shape chainFrom needs from an org record; the store's OrgRecord satisfies it. */
export interface OrgNode {
  id: string
  level: Level
  parentId: string | null
}

export type OrgLookup = ReadonlyMap<string, OrgNode> | Readonly<Record<string, OrgNode | undefined>>

export type ChainResult = { ok: true; chain: Chain } | { ok: false; error: DomainError }

/** 0 for the village, 4 for the province: the height on the ladder. */
export const levelIndex = (level: Level): number => LEVELS.indexOf(level)

/** The level a case escalates to; null at the province, the top of the ladder. */
export function parentLevel(level: Level): Level | null {
  return LEVELS[levelIndex(level) + 1] ?? null
}

/** True when `a` is strictly higher on the ladder than `b`. */
export const isAbove = (a: Level, b: Level): boolean => levelIndex(a) > levelIndex(b)

/** The level at which `orgId` sits on the chain, or null when it is not on the chain. */
export function levelOnChain(chain: Chain, orgId: string): Level | null {
  return LEVELS.find((level) => chain[level] === orgId) ?? null
}

/**
 * Checks a chain that arrives on a command: one non-empty, distinct id per level, starting at the
 * given village. Distinct ids matter because a hand-back names its target by org id alone.
 */
export function chainProblem(chain: unknown, villageId: string): DomainError | null {
  if (typeof chain !== 'object' || chain === null) return invalidChain
  const ids = LEVELS.map((level) => (chain as Record<string, unknown>)[level])
  if (!ids.every((id): id is string => typeof id === 'string' && id.length > 0)) return invalidChain
  if (new Set(ids).size !== LEVELS.length) return invalidChain
  if ((chain as Chain).village !== villageId) {
    return domainError('INVALID_INPUT', '所选村/社区与上级组织不一致，请重新选择')
  }
  return null
}

const invalidChain = domainError('INVALID_INPUT', '组织路径不完整，请重新选择村/社区')

/**
 * Builds the chain of a village by walking up the org tree. Each parent must sit exactly one level
 * higher: a skipped or repeated level means the tree is broken, and a case filed on a broken chain
 * would escalate to the wrong org, so it is refused rather than patched.
 */
export function chainFrom(orgsById: OrgLookup, villageId: string): ChainResult {
  const find = (id: string): OrgNode | undefined =>
    orgsById instanceof Map ? orgsById.get(id) : (orgsById as Record<string, OrgNode | undefined>)[id]

  const village = find(villageId)
  if (!village) return { ok: false, error: domainError('NOT_FOUND', '没有找到该村/社区') }
  if (village.level !== 'village') {
    return { ok: false, error: domainError('INVALID_INPUT', '请选择具体的村/社区') }
  }

  const chain: Partial<Record<Level, string>> = { village: village.id }
  let node = village
  for (let level = parentLevel('village'); level !== null; level = parentLevel(level)) {
    const parent = node.parentId === null ? undefined : find(node.parentId)
    if (!parent || parent.level !== level) return { ok: false, error: brokenChain }
    chain[level] = parent.id
    node = parent
  }
  return { ok: true, chain: chain as Chain }
}

// Not the person's fault and not fixable by them: the org tree needs an administrator.
const brokenChain = domainError('INTERNAL', '该村/社区的上级组织信息不完整，请联系管理员')

/**
 * An org's path as one case (or council) sees it: on its chain, the org and the chain above it; off
 * the chain, the org alone (the chain says nothing about where it sits). Used to measure who stands
 * where relative to a case's holder (authorization.table.ts).
 */
export function pathOnLadder(chain: Chain, orgId: string): string[] {
  const level = levelOnChain(chain, orgId)
  return level === null ? [orgId] : LEVELS.slice(levelIndex(level)).map((l) => chain[l])
}
