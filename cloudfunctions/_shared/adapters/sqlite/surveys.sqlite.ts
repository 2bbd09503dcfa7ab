/**
 * Surveys on SQLite: the survey as a document beside the columns an org's list reads by (one range
 * of surveys_of_org); each answer under her tag (sealed-identity.ts) with the key free answers are
 * paged by; and the counters, one row per (survey, org, key). One connection writes at a time, so
 * nothing is spread: `spread` is for stores where a document is the unit of contention.
 */
import type Database from 'better-sqlite3'
import type { SurveyAnswerRecord, SurveyAnswerRepository, SurveyCounterRepository, SurveyRecord, SurveyRepository } from '../../ports/store.port'
import type { IdentitySeal } from '../sealed-identity'
import { docOf, docsOf } from './json-doc'
import { marks, prepared } from './prepared'

export function sqliteSurveys(db: Database.Database): SurveyRepository {
  const stmt = {
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM surveys WHERE id = ?'),
    put: db.prepare(
      `INSERT INTO surveys (id, org_id, opened_at, doc) VALUES (@id, @orgId, @openedAt, @doc)
       ON CONFLICT(id) DO UPDATE SET org_id = excluded.org_id, opened_at = excluded.opened_at, doc = excluded.doc`,
    ),
    ofOrg: db.prepare<[string, number], { doc: string }>('SELECT doc FROM surveys WHERE org_id = ? ORDER BY opened_at DESC, id DESC LIMIT ?'),
  }
  return {
    get: async (id) => docOf<SurveyRecord>(stmt.get.get(id)),
    put: async (s) => {
      stmt.put.run({ id: s.id, orgId: s.orgId, openedAt: s.openedAt, doc: JSON.stringify(s) })
    },
    ofOrg: async (orgId, limit) => docsOf<SurveyRecord>(stmt.ofOrg.all(orgId, limit)),
  }
}

/** The free answers' order and cursor: the latest changed first, then the answer's own id. */
export const freeKeyOf = (a: SurveyAnswerRecord) => `${a.changedAt}|${a.answerId}`

export function sqliteSurveyAnswers(db: Database.Database, seal: IdentitySeal): SurveyAnswerRepository {
  const stmt = {
    get: db.prepare<[string, string], { doc: string }>('SELECT doc FROM survey_answers WHERE survey_id = ? AND person_tag = ?'),
    put: db.prepare(
      `INSERT INTO survey_answers (survey_id, person_tag, free_key, doc) VALUES (@surveyId, @tag, @freeKey, @doc)
       ON CONFLICT(survey_id, person_tag) DO UPDATE SET free_key = excluded.free_key, doc = excluded.doc`,
    ),
    free: db.prepare<[string, string, number], { doc: string; free_key: string }>(
      'SELECT doc, free_key FROM survey_answers WHERE survey_id = ? AND free_key < ? ORDER BY free_key DESC LIMIT ?',
    ),
  }
  return {
    get: async (surveyId, openid) => docOf<SurveyAnswerRecord>(stmt.get.get(surveyId, seal.person(openid))),
    put: async (openid, a) => {
      stmt.put.run({ surveyId: a.surveyId, tag: seal.person(openid), freeKey: a.hasFree ? freeKeyOf(a) : null, doc: JSON.stringify(a) })
    },
    answeredOf: async (openid, surveyIds) => {
      if (surveyIds.length === 0) return new Set()
      const rows = prepared(db, `SELECT survey_id FROM survey_answers WHERE person_tag = ? AND survey_id IN (${marks(surveyIds.length)})`)
        .all(seal.person(openid), ...surveyIds) as { survey_id: string }[]
      return new Set(rows.map((r) => r.survey_id))
    },
    // '\uffff' sorts after every key: no cursor reads from the newest.
    withFreeWords: async (surveyId, limit, before = '\uffff') =>
      stmt.free.all(surveyId, before, limit).map((row) => ({ answer: JSON.parse(row.doc) as SurveyAnswerRecord, cursor: row.free_key })),
  }
}

export function sqliteSurveyCounters(db: Database.Database): SurveyCounterRepository {
  const add = db.prepare(
    `INSERT INTO survey_counters (survey_id, org_id, key, n) VALUES (?, ?, ?, ?)
     ON CONFLICT(survey_id, org_id, key) DO UPDATE SET n = n + excluded.n`,
  )
  return {
    add: async (surveyId, orgIds, deltas) => {
      for (const orgId of orgIds) for (const [key, n] of Object.entries(deltas)) if (n) add.run(surveyId, orgId, key, n)
    },
    of: async (surveyId, orgIds) => {
      if (orgIds.length === 0) return []
      const rows = prepared(db, `SELECT org_id, key, n FROM survey_counters WHERE survey_id = ? AND org_id IN (${marks(orgIds.length)})`)
        .all(surveyId, ...orgIds) as { org_id: string; key: string; n: number }[]
      const byOrg = new Map<string, Record<string, number>>()
      for (const row of rows) byOrg.set(row.org_id, { ...byOrg.get(row.org_id), [row.key]: row.n })
      return orgIds.map((orgId) => byOrg.get(orgId) ?? {})
    },
  }
}
