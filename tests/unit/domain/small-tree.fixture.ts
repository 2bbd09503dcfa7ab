/**
 * A small org tree for the rules that place people on it (announcements, surveys):
 * 省 p > 市 c > 县 k > 镇 t > 村 v1, v2; 镇 t2 > 村 w (the same county); 市 c2 > … > 村 x.
 */
import type { Level } from '../../../types/enums'
import type { Person } from '../../../cloudfunctions/_shared/domain/actor.types'
import type { OrgLine } from '../../../cloudfunctions/_shared/domain/knowledge.rules'

export const TREE: [string, Level, string | null][] = [
  ['p', 'province', null],
  ['c', 'city', 'p'],
  ['k', 'county', 'c'],
  ['t', 'township', 'k'],
  ['v1', 'village', 't'],
  ['v2', 'village', 't'],
  ['t2', 'township', 'k'],
  ['w', 'village', 't2'],
  ['c2', 'city', 'p'],
  ['k2', 'county', 'c2'],
  ['t3', 'township', 'k2'],
  ['x', 'village', 't3'],
]
const byId = new Map(TREE.map(([id, level, parentId]) => [id, { id, level, parentId }]))

/** An org's line: the org first, then its parent, up to the province. */
export const lineOf = (id: string): OrgLine => {
  const line: { id: string; level: Level }[] = []
  for (let org = byId.get(id); org; org = org.parentId ? byId.get(org.parentId) : undefined) line.push({ id: org.id, level: org.level })
  return line
}

export const person = (...roles: Person['roles']): Person => ({ openid: 'o', roles })
