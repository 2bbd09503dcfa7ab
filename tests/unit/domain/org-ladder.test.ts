import type { Level } from '../../../types/enums'
import {
  chainFrom,
  isAbove,
  levelIndex,
  levelOnChain,
  parentLevel,
  type OrgNode,
} from '../../../cloudfunctions/_shared/domain'
import { aChain } from './case.builders'

describe('the ladder', () => {
  it.each([
    ['village', 0, 'township'],
    ['township', 1, 'county'],
    ['county', 2, 'city'],
    ['city', 3, 'province'],
    ['province', 4, null],
  ] as const)('%s is at height %i with parent %s', (level, index, parent) => {
    expect(levelIndex(level)).toBe(index)
    expect(parentLevel(level)).toBe(parent)
  })

  it.each([
    ['county', 'village', true],
    ['village', 'county', false],
    ['city', 'city', false],
  ] as const)('isAbove(%s, %s) is %s', (a, b, expected) => {
    expect(isAbove(a, b)).toBe(expected)
  })

  it('finds the level of an org on a chain', () => {
    expect(levelOnChain(aChain(), 'c-qixia')).toBe('county')
    expect(levelOnChain(aChain(), 'elsewhere')).toBeNull()
  })
})

describe('chainFrom', () => {
  const node = (id: string, level: Level, parentId: string | null): OrgNode => ({ id, level, parentId })
  const tree = [
    node('p-jiangsu', 'province', null),
    node('ci-nanjing', 'city', 'p-jiangsu'),
    node('c-qixia', 'county', 'ci-nanjing'),
    node('t-xianlin', 'township', 'c-qixia'),
    node('v-hemu', 'village', 't-xianlin'),
  ]
  const byId = (nodes: OrgNode[]) => new Map(nodes.map((n) => [n.id, n]))

  it('walks from a village to the province', () => {
    expect(chainFrom(byId(tree), 'v-hemu')).toEqual({ ok: true, chain: aChain() })
  })

  it('accepts a plain record as well as a map', () => {
    expect(chainFrom(Object.fromEntries(tree.map((n) => [n.id, n])), 'v-hemu')).toEqual({ ok: true, chain: aChain() })
  })

  it('refuses an org that is not a village', () => {
    expect(chainFrom(byId(tree), 't-xianlin')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('does not find an unknown village', () => {
    expect(chainFrom(byId(tree), 'v-nowhere')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it.each([
    ['a missing parent', tree.filter((n) => n.id !== 'c-qixia')],
    ['a skipped level', tree.map((n) => (n.id === 'v-hemu' ? node('v-hemu', 'village', 'c-qixia') : n))],
    ['a parent at the wrong level', tree.map((n) => (n.id === 't-xianlin' ? node('t-xianlin', 'county', 'c-qixia') : n))],
    ['a chain that stops before the province', tree.map((n) => (n.id === 'ci-nanjing' ? node('ci-nanjing', 'city', null) : n))],
  ])('reports a broken chain: %s', (_what, nodes) => {
    expect(chainFrom(byId(nodes), 'v-hemu')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})
