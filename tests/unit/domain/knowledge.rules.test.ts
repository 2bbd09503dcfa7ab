/**
 * Who reads and who keeps which org's standard answers (domain/knowledge.rules.ts, docs/RULES.md
 * "Standard answers"): by hand on a small tree, then as properties over any org tree and any bindings.
 */
import fc from 'fast-check'
import type { Level, Role } from '../../../types/enums'
import type { Person, RoleBinding } from '../../../cloudfunctions/_shared/domain/actor.types'
import {
  answerHome,
  answerSources,
  kbUpdateDeltas,
  keepsAnswers,
  mayKeepAnswers,
  mayReadAnswers,
  type OrgLine,
} from '../../../cloudfunctions/_shared/domain/knowledge.rules'
import { roleFitsLevel } from '../../../cloudfunctions/_shared/domain/invitation.rules'

interface Org {
  id: string
  level: Level
  parentId: string | null
}

/** Lines of a tree: the org first, then its parent, up to the root. */
function linesOf(orgs: readonly Org[]) {
  const byId = new Map(orgs.map((o) => [o.id, o]))
  return (id: string): OrgLine => {
    const line: { id: string; level: Level }[] = []
    for (let org = byId.get(id); org; org = org.parentId ? byId.get(org.parentId) : undefined) line.push({ id: org.id, level: org.level })
    return line
  }
}

// 辽宁省 p: 沈阳 cityA (county kA, township tA, village vA) and 大连 cityB (county kB, village vB).
const TREE: Org[] = [
  { id: 'p', level: 'province', parentId: null },
  { id: 'cityA', level: 'city', parentId: 'p' },
  { id: 'kA', level: 'county', parentId: 'cityA' },
  { id: 'tA', level: 'township', parentId: 'kA' },
  { id: 'vA', level: 'village', parentId: 'tA' },
  { id: 'cityB', level: 'city', parentId: 'p' },
  { id: 'kB', level: 'county', parentId: 'cityB' },
  { id: 'tB', level: 'township', parentId: 'kB' },
  { id: 'vB', level: 'village', parentId: 'tB' },
]
const lineOf = linesOf(TREE)
const as = (role: Role, orgId: string, ...more: RoleBinding[]): Person => ({ openid: `o-${role}-${orgId}`, roles: [{ role, orgId }, ...more] })

describe('by hand', () => {
  const reads = (person: Person, orgId: string) => mayReadAnswers(person, lineOf(orgId), lineOf)
  const keeps = (person: Person, orgId: string) => mayKeepAnswers(person, lineOf(orgId), lineOf)

  test.each([
    // who, whose answers, reads, keeps, the person
    ['a village convener', 'cityA', true, false, as('convener', 'vA')],
    ['a village convener', 'p', true, false, as('convener', 'vA')],
    ['a village convener', 'cityB', false, false, as('convener', 'vA')],
    ['a council member', 'cityA', false, false, as('member', 'vA')],
    ['a township cadre', 'cityA', true, false, as('cadre', 'tA')],
    ['a county cadre', 'p', true, false, as('cadre', 'kA')],
    ['a city cadre', 'cityA', true, true, as('cadre', 'cityA')],
    ['a city cadre', 'p', true, false, as('cadre', 'cityA')],
    ['a city cadre', 'cityB', false, false, as('cadre', 'cityA')],
    ['a province cadre', 'p', true, true, as('cadre', 'p')],
    ['a province cadre', 'cityA', false, false, as('cadre', 'p')],
    ['the admin', 'p', true, true, as('admin', 'p')],
    ['the admin', 'cityB', true, true, as('admin', 'p')],
  ] as const)('%s on %s: reads %s, keeps %s', (_, orgId, read, keep, person) => {
    expect([reads(person, orgId), keeps(person, orgId)]).toEqual([read, keep])
  })

  test('a resident (no binding) reads and keeps nothing', () => {
    const resident: Person = { openid: 'o-resident', roles: [] }
    for (const org of TREE) expect([reads(resident, org.id), keeps(resident, org.id)]).toEqual([false, false])
    expect(answerSources(resident, lineOf)).toEqual([])
    expect(answerHome(resident, lineOf)).toBeNull()
  })

  test('she starts from her city’s answers, then the province’s; never another city’s', () => {
    expect(answerSources(as('convener', 'vA'), lineOf)).toEqual(['cityA', 'p'])
    expect(answerSources(as('cadre', 'tB'), lineOf)).toEqual(['cityB', 'p'])
    expect(answerSources(as('cadre', 'cityA'), lineOf)).toEqual(['cityA', 'p'])
    expect(answerSources(as('cadre', 'p'), lineOf)).toEqual(['p'])
    expect(answerSources(as('admin', 'p'), lineOf)).toEqual(['p'])
    expect(answerSources(as('member', 'vA'), lineOf)).toEqual([])
    // Bound in both cities: both, the province once.
    expect(answerSources(as('cadre', 'kA', { role: 'cadre', orgId: 'cityB' }), lineOf)).toEqual(['cityA', 'p', 'cityB'])
  })

  test('her 新增 goes to the city or province she is a cadre of; below the city, nowhere', () => {
    expect(answerHome(as('cadre', 'cityA'), lineOf)).toBe('cityA')
    expect(answerHome(as('cadre', 'p'), lineOf)).toBe('p')
    expect(answerHome(as('admin', 'p'), lineOf)).toBe('p')
    expect(answerHome(as('cadre', 'kA'), lineOf)).toBeNull()
    expect(answerHome(as('convener', 'vA'), lineOf)).toBeNull()
    expect(answerHome(as('cadre', 'kA', { role: 'cadre', orgId: 'cityB' }), lineOf)).toBe('cityB')
  })

  test('only cities and the province keep answers', () => {
    expect((['village', 'township', 'county', 'city', 'province'] as Level[]).filter(keepsAnswers)).toEqual(['city', 'province'])
  })

  test('an update counts once for the org and each above it, in the China-time month, whatever zone the instant is written in', () => {
    const months = (at: string) => kbUpdateDeltas(['cityA', 'p'], at).map((d) => `${d.orgId}:${d.period}:${d.deltas.kbUpdates}`)
    expect(months('2026-11-30T15:59:59.999Z')).toEqual(['cityA:2026-11:1', 'p:2026-11:1'])
    // 00:00 on 1 December in China is still 30 November in UTC.
    expect(months('2026-11-30T16:00:00.000Z')).toEqual(['cityA:2026-12:1', 'p:2026-12:1'])
    expect(months('2026-12-01T00:30:00+08:00')).toEqual(['cityA:2026-12:1', 'p:2026-12:1'])
    expect(months('2026-12-31T16:00:00.000Z')).toEqual(['cityA:2027-01:1', 'p:2027-01:1'])
  })
})

// ── properties over any tree ─────────────────────────────────────────────────────────────────────

const CHILD_LEVEL: Partial<Record<Level, Level>> = { province: 'city', city: 'county', county: 'township', township: 'village' }

/** A province with 1–3 cities, each org with 1–2 children down to the villages (some branches stop early). */
const treeArb = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 40, maxLength: 40 }).map((widths) => {
  const orgs: Org[] = [{ id: 'p', level: 'province', parentId: null }]
  let w = 0
  const grow = (parent: Org) => {
    const level = CHILD_LEVEL[parent.level]
    if (!level) return
    const width = parent.level === 'province' ? 1 + (widths[w++ % widths.length]! % 3) : widths[w++ % widths.length]! % 3
    for (let i = 0; i < width; i++) {
      const child: Org = { id: `${parent.id}.${i}`, level, parentId: parent.id }
      orgs.push(child)
      grow(child)
    }
  }
  grow(orgs[0]!)
  return orgs
})

const ROLES: Role[] = ['member', 'convener', 'cadre', 'admin']

/** A tree and someone bound at 0–3 of its orgs, each role where it fits. */
const caseArb = treeArb.chain((tree) =>
  fc
    .array(fc.record({ org: fc.nat(), role: fc.constantFrom(...ROLES) }), { maxLength: 3 })
    .map((picks) => ({
      tree,
      person: {
        openid: 'o-someone',
        roles: picks
          .map(({ org, role }) => ({ role, orgId: tree[org % tree.length]!.id, level: tree[org % tree.length]!.level }))
          .filter((b) => roleFitsLevel(b.role, b.level))
          .map(({ role, orgId }) => ({ role, orgId })),
      } as Person,
    })),
)

const isOnLine = (line: OrgLine, id: string) => line.some((o) => o.id === id)

describe('over any tree and any bindings', () => {
  test('she starts only from cities and the province on her own lines, and may read each of them', () => {
    fc.assert(
      fc.property(caseArb, ({ tree, person }) => {
        const line = linesOf(tree)
        for (const source of answerSources(person, line)) {
          const org = line(source)[0]!
          expect(keepsAnswers(org.level)).toBe(true)
          expect(person.roles.some((b) => isOnLine(line(b.orgId), source))).toBe(true)
          expect(mayReadAnswers(person, line(source), line)).toBe(true)
        }
      }),
    )
  })

  test('without the admin role, she reads exactly the answers she starts from: no other city’s', () => {
    fc.assert(
      fc.property(caseArb, ({ tree, person }) => {
        fc.pre(!person.roles.some((b) => b.role === 'admin'))
        const line = linesOf(tree)
        const sources = answerSources(person, line)
        for (const org of tree.filter((o) => keepsAnswers(o.level))) {
          expect([org.id, mayReadAnswers(person, line(org.id), line)]).toEqual([org.id, sources.includes(org.id)])
        }
      }),
    )
  })

  test('whoever keeps an org’s answers may read them; a cadre keeps only her own org’s; the admin her province’s', () => {
    fc.assert(
      fc.property(caseArb, ({ tree, person }) => {
        const line = linesOf(tree)
        for (const org of tree) {
          const keeps = mayKeepAnswers(person, line(org.id), line)
          if (keeps) expect(mayReadAnswers(person, line(org.id), line)).toBe(true)
          const own = person.roles.some((b) => b.role === 'cadre' && b.orgId === org.id) || person.roles.some((b) => b.role === 'admin')
          expect([org.id, keeps]).toEqual([org.id, own])
        }
      }),
    )
  })

  test('her 新增 goes to a city or the province she keeps, or nowhere if she keeps none', () => {
    fc.assert(
      fc.property(caseArb, ({ tree, person }) => {
        const line = linesOf(tree)
        const home = answerHome(person, line)
        const keepsSome = tree.some((o) => keepsAnswers(o.level) && person.roles.some((b) => b.orgId === o.id && (b.role === 'cadre' || b.role === 'admin')))
        expect(home !== null).toBe(keepsSome)
        if (home) {
          expect(keepsAnswers(line(home)[0]!.level)).toBe(true)
          expect(mayKeepAnswers(person, line(home), line)).toBe(true)
        }
      }),
    )
  })
})
