/**
 * Ratings stored in the one-word shape (satisfied | partly | unsatisfied) read back in the two-answer
 * shape (adapters/legacy-rating.ts): the mapping itself, then a SQLite database holding a case rated
 * the old way — its state, its timeline and its org's counters — read through the store.
 */
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ratingCountersAsToday, ratingEventAsToday, ratingStateAsToday } from '../../cloudfunctions/_shared/adapters/legacy-rating'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { REPORTER, aCase, holderOf, hoursAfter, step } from '../unit/domain/case.builders'

describe('the one-word rating, read as the two answers', () => {
  test.each([
    ['satisfied', { solved: 'yes', satisfaction: 'satisfied' }],
    ['partly', { solved: 'partly', satisfaction: 'basic' }],
    ['unsatisfied', { solved: 'no', satisfaction: 'unsatisfied' }],
  ])('%s', (rating, answers) => {
    expect(ratingEventAsToday({ type: 'CaseRated', at: 't', rating, comment: '谢谢' })).toEqual({ type: 'CaseRated', at: 't', comment: '谢谢', ...answers })
    expect(ratingStateAsToday({ id: 'c', rating: { rating, at: 't' } })).toEqual({ id: 'c', rating: { at: 't', ...answers } })
  })

  test('a reopening keeps only what the answer said about solving', () => {
    expect(ratingEventAsToday({ type: 'CaseReopened', toLevel: 'county', rating: 'partly' })).toEqual({ type: 'CaseReopened', toLevel: 'county', solved: 'partly' })
    expect(ratingEventAsToday({ type: 'CaseReopened', toLevel: 'county', rating: 'unsatisfied' })).toEqual({ type: 'CaseReopened', toLevel: 'county', solved: 'no' })
  })

  test("today's shapes and everything else pass as they are", () => {
    const today = { type: 'CaseRated', solved: 'partly', satisfaction: 'basic', at: 't' }
    expect(ratingEventAsToday(today)).toBe(today)
    const accepted = { type: 'CaseAccepted', at: 't' }
    expect(ratingEventAsToday(accepted)).toBe(accepted)
    const unrated = { id: 'c' }
    expect(ratingStateAsToday(unrated)).toBe(unrated)
  })

  test('counters: each old key counted into both answers, added to what was counted since', () => {
    expect(ratingCountersAsToday({ ratings: 6, 'rated:satisfied': 2, 'rated:partly': 1, 'rated:unsatisfied': 1, 'satisfaction:basic': 2, 'solved:yes': 2, cases: 9 })).toEqual({
      ratings: 6,
      cases: 9,
      'satisfaction:satisfied': 2,
      'satisfaction:basic': 3,
      'satisfaction:unsatisfied': 1,
      'solved:yes': 4,
      'solved:partly': 1,
      'solved:no': 1,
    })
  })
})

test('SQLite: a case rated the old way reads back in the new shape, and so do its counters', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'legacy-rating-')), 'store.sqlite')
  const cipher = aesGcmCipher(DEV_KEY)
  const resolved = aCase({ status: 'resolved' })
  const rated = step(resolved, { type: 'RateCase', at: hoursAfter(resolved.at, 1), actor: REPORTER, solved: 'partly', satisfaction: 'basic', reopen: true })
  const store = openSqliteStore(file, cipher)
  await store.cases.create(rated.state, rated.events)
  await store.counters.add([rated.state.chain.village], { ratings: 1, 'satisfaction:basic': 1, 'solved:partly': 1 })
  await store.close()

  // Rewritten as the previous release stored it: `rating: 'partly'` on the rating and the reopening.
  const db = new Database(file)
  for (const row of db.prepare<[], { seq: number; event: string }>("SELECT seq, event FROM case_events WHERE type IN ('CaseRated', 'CaseReopened')").all()) {
    const { solved: _s, satisfaction: _f, ...event } = JSON.parse(row.event) as Record<string, unknown>
    db.prepare('UPDATE case_events SET event = ? WHERE seq = ?').run(JSON.stringify({ ...event, rating: 'partly' }), row.seq)
  }
  db.prepare("DELETE FROM counters WHERE key IN ('satisfaction:basic', 'solved:partly')").run()
  db.prepare("INSERT INTO counters (org_id, key, value) VALUES (?, 'rated:partly', 1)").run(rated.state.chain.village)
  db.close()

  const reopened = openSqliteStore(file, cipher)
  try {
    expect(await reopened.cases.timeline(rated.state.id)).toEqual(rated.events)
    expect(await reopened.counters.get(rated.state.chain.village)).toEqual({ ratings: 1, 'satisfaction:basic': 1, 'solved:partly': 1 })
    // The township accepts and resolves it again, and she rates it today's way.
    const township = holderOf(rated.state)
    let h = step(rated, { type: 'AcceptCase', at: hoursAfter(rated.at, 1), actor: township })
    h = step(h, { type: 'ResolveCase', at: hoursAfter(h.at, 1), actor: township, outcome: 'solved', resolution: '已协调环卫所每周清运两次。' })
    h = step(h, { type: 'RateCase', at: hoursAfter(h.at, 1), actor: REPORTER, solved: 'yes', satisfaction: 'satisfied' })
    await reopened.cases.update(h.state, 1, h.events.slice(rated.events.length))
    expect((await reopened.cases.get(h.state.id))?.state.rating).toEqual({ solved: 'yes', satisfaction: 'satisfied', at: h.at })
  } finally {
    await reopened.close()
  }
})
