/**
 * Announcements (domain/outreach.rules.ts, docs/RULES.md "Announcements"): whose reach her, who
 * publishes and takes down, and her list's order and unread marks — by hand on a small tree, then as
 * properties.
 */
import fc from 'fast-check'
import { TREE, lineOf, person } from './small-tree.fixture'
import {
  arrangeFeed,
  feedOrder,
  feedSources,
  isUnread,
  mayPublishAt,
  mayReadAnnouncements,
  mayRetireAt,
  publishPlaces,
  type FeedEntry,
} from '../../../cloudfunctions/_shared/domain/outreach.rules'


describe('whose announcements reach her', () => {
  test('a resident: her village and every org above it, nearest first; never a sibling village or township', () => {
    expect(feedSources({ person: person(), homeOrgId: 'v1' }, lineOf)).toEqual(['v1', 't', 'k', 'c', 'p'])
    expect(feedSources({ person: person(), homeOrgId: 'w' }, lineOf)).toEqual(['w', 't2', 'k', 'c', 'p'])
    expect(feedSources({ person: person(), homeOrgId: 'x' }, lineOf)).toEqual(['x', 't3', 'k2', 'c2', 'p'])
  })

  test('without a home village: only the lines of the orgs she serves at; with neither, nothing', () => {
    expect(feedSources({ person: person({ role: 'cadre', orgId: 'k' }), homeOrgId: null }, lineOf)).toEqual(['k', 'c', 'p'])
    expect(feedSources({ person: person(), homeOrgId: null }, lineOf)).toEqual([])
    // Her home and her office on different lines: both, each org once.
    expect(feedSources({ person: person({ role: 'cadre', orgId: 't3' }), homeOrgId: 'v1' }, lineOf)).toEqual(['v1', 't', 'k', 'c', 'p', 't3', 'k2', 'c2'])
  })

  test('may read an org’s: on her line only', () => {
    const zhao = { person: person(), homeOrgId: 'v1' }
    expect(mayReadAnnouncements(zhao, lineOf('p'), lineOf)).toBe(true)
    expect(mayReadAnnouncements(zhao, lineOf('t'), lineOf)).toBe(true)
    expect(mayReadAnnouncements(zhao, lineOf('v2'), lineOf)).toBe(false)
    expect(mayReadAnnouncements(zhao, lineOf('t2'), lineOf)).toBe(false)
  })
})

describe('who publishes and takes down', () => {
  test('an org’s own cadre, a village’s convener; not members, not residents, not the levels above or below', () => {
    expect(mayPublishAt(person({ role: 'cadre', orgId: 't' }), lineOf('t'), lineOf)).toBe(true)
    expect(mayPublishAt(person({ role: 'convener', orgId: 'v1' }), lineOf('v1'), lineOf)).toBe(true)
    expect(mayPublishAt(person({ role: 'member', orgId: 'v1' }), lineOf('v1'), lineOf)).toBe(false)
    expect(mayPublishAt(person(), lineOf('v1'), lineOf)).toBe(false)
    expect(mayPublishAt(person({ role: 'cadre', orgId: 't' }), lineOf('v1'), lineOf)).toBe(false)
    expect(mayPublishAt(person({ role: 'cadre', orgId: 't' }), lineOf('k'), lineOf)).toBe(false)
    expect(mayPublishAt(person({ role: 'admin', orgId: 'p' }), lineOf('p'), lineOf)).toBe(false)
    expect(publishPlaces(person({ role: 'member', orgId: 'v1' }))).toEqual([])
    expect(publishPlaces(person({ role: 'member', orgId: 'v1' }, { role: 'convener', orgId: 'v1' }, { role: 'cadre', orgId: 'v1' }))).toEqual(['v1'])
  })

  test('the admin takes down any in her province; a cadre only her org’s', () => {
    expect(mayRetireAt(person({ role: 'admin', orgId: 'p' }), lineOf('x'), lineOf)).toBe(true)
    expect(mayRetireAt(person({ role: 'cadre', orgId: 'c' }), lineOf('k'), lineOf)).toBe(false)
    expect(mayRetireAt(person({ role: 'cadre', orgId: 'c' }), lineOf('c'), lineOf)).toBe(true)
  })
})

describe('her list: order and unread marks', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 10, 30, h)).toISOString()
  const e = (id: string, h: number, pinned = false): FeedEntry => ({ id, publishedAt: at(h), pinned })

  test('pinned first, then newest, ties by id (later first); each once; cut to the limit', () => {
    const lists = [[e('a', 1), e('b', 3, true)], [e('c', 5), e('d', 5)], [e('a', 1)]]
    expect(arrangeFeed(lists, null, 10).map((x) => x.id)).toEqual(['b', 'd', 'c', 'a'])
    expect(arrangeFeed(lists, null, 2).map((x) => x.id)).toEqual(['b', 'd'])
  })

  test('unread: published after she last opened it; everything when she never has', () => {
    expect(arrangeFeed([[e('a', 1), e('b', 3)]], at(2), 10).map((x) => [x.id, x.unread])).toEqual([['b', true], ['a', false]])
    expect(arrangeFeed([[e('a', 1)]], null, 10)[0]!.unread).toBe(true)
    // Published the instant she opened it: she saw it.
    expect(isUnread(e('a', 2), at(2))).toBe(false)
  })

  const entry = fc.record({
    id: fc.stringMatching(/^[a-z]{1,3}$/),
    publishedAt: fc.integer({ min: 0, max: 48 }).map(at),
    pinned: fc.boolean(),
  })

  test('property: whatever the lists, the list is in feedOrder, holds each id once, and marks exactly the newer ones', () => {
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 8 }), { maxLength: 5 }), fc.option(fc.integer({ min: 0, max: 48 }).map(at), { nil: null }), fc.integer({ min: 1, max: 50 }), (lists, seenAt, limit) => {
        const out = arrangeFeed(lists, seenAt, limit)
        const ids = new Set(lists.flat().map((x) => x.id))
        expect(out.length).toBe(Math.min(limit, ids.size))
        expect(new Set(out.map((x) => x.id)).size).toBe(out.length)
        for (let i = 1; i < out.length; i++) expect(feedOrder(out[i - 1]!, out[i]!)).toBeLessThanOrEqual(0)
        for (const x of out) expect(x.unread).toBe(seenAt === null || x.publishedAt > seenAt)
        // No pinned one below an unpinned one.
        expect(out.findIndex((x) => !x.pinned) === -1 || out.slice(out.findIndex((x) => !x.pinned)).every((x) => !x.pinned)).toBe(true)
      }),
    )
  })

  test('property: a resident never reads a village that is not hers, and always reads the province', () => {
    const villages = TREE.filter(([, level]) => level === 'village').map(([id]) => id)
    fc.assert(
      fc.property(fc.constantFrom(...villages), (home) => {
        const sources = feedSources({ person: person(), homeOrgId: home }, lineOf)
        expect(sources.filter((id) => villages.includes(id))).toEqual([home])
        expect(sources).toContain('p')
        expect(sources).toEqual(lineOf(home).map((o) => o.id))
      }),
    )
  })
})
