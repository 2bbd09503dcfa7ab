/**
 * Surveys on CloudBase.
 *
 * - `surveys/_id = survey id`: the record's fields; an org's list by one range of the
 *   (orgId, openedAt desc, _id desc) index.
 * - `survey_answers/_id = <survey id>:<person tag>`: her answer, found by her tag, never her openid
 *   (sealed-identity.ts); `freeKey` (changedAt|answerId) only when some free question has her words,
 *   the one field the free answers' page sorts and resumes on (the (surveyId, hasFree, freeKey desc)
 *   index). The `_id` is never answered: the page's cursor is the freeKey, which names no one.
 * - `survey_counters/_id = <survey id>:<org id>:<shard>`: `{ surveyId, orgId, shard, values }`. A
 *   CloudBase transaction conflicts per document, and every answer to a province-wide survey adds to
 *   the province's counters: one document would be every answer's conflict. So each org's counters
 *   are SHARDS documents; an answer adds to the shard its spread key hashes to (at every org of its
 *   chain, so two answers in different shards never conflict) and a read sums the shards — one
 *   `_id` query per hundred documents: (1 + children) × SHARDS documents for a survey's results.
 *   Raising SHARDS later is safe (reads cover the new ones; old ones still count); lowering is not.
 */
import type { FreeCursor, SurveyAnswerRecord, SurveyAnswerRepository, SurveyCounterRepository, SurveyRecord, SurveyRepository } from '../../ports/store.port'
import { COLLECTION, getDoc, readDoc, type Doc } from './cloudbase-db'
import { readAll, readPages } from './pager'
import type { Scope } from './scope.cloudbase'
import type { IdentitySeal } from '../sealed-identity'

export const SURVEY_COUNTER_SHARDS = 8
/** `_id`s per query: well inside `_.in`'s list and one page of answers. */
const IDS_PER_QUERY = 100

const toSurvey = ({ _id, ...fields }: Doc): SurveyRecord => ({ ...fields, id: String(_id) }) as SurveyRecord
const toAnswer = ({ _id: _ignored, freeKey: _freeKey, ...fields }: Doc): SurveyAnswerRecord => fields as unknown as SurveyAnswerRecord
const freeKeyOf = (a: SurveyAnswerRecord) => `${a.changedAt}|${a.answerId}`

/** A small, stable hash (FNV-1a) of the spread key: which shard, nothing more. */
export function shardOf(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return (h >>> 0) % SURVEY_COUNTER_SHARDS
}

export function cloudbaseSurveys(scope: Scope): SurveyRepository {
  return {
    get: (id) => readDoc(scope.doc(COLLECTION.surveys), id, toSurvey),
    put: async ({ id, ...fields }) => {
      await scope.doc(COLLECTION.surveys).doc(id).set(fields)
    },
    ofOrg: async (orgId, limit) =>
      (await readPages(scope.command, { from: scope.query(COLLECTION.surveys), where: [{ orgId }], orderBy: 'openedAt', direction: 'desc', limit })).map(toSurvey),
  }
}

export function cloudbaseSurveyAnswers(scope: Scope, seal: IdentitySeal): SurveyAnswerRepository {
  const idOf = (surveyId: string, openid: string) => `${surveyId}:${seal.person(openid)}`
  return {
    get: (surveyId, openid) => readDoc(scope.doc(COLLECTION.surveyAnswers), idOf(surveyId, openid), toAnswer),
    put: async (openid, answer) => {
      await scope.doc(COLLECTION.surveyAnswers).doc(idOf(answer.surveyId, openid)).set({ ...answer, ...(answer.hasFree && { freeKey: freeKeyOf(answer) }) })
    },
    answeredOf: async (openid, surveyIds) => {
      if (surveyIds.length === 0) return new Set()
      const _ = scope.command
      const found = new Set<string>()
      for (let i = 0; i < surveyIds.length; i += IDS_PER_QUERY) {
        const ids = surveyIds.slice(i, i + IDS_PER_QUERY).map((id) => idOf(id, openid))
        for (const doc of await readAll(_, scope.query(COLLECTION.surveyAnswers), { _id: _.in(ids) })) found.add(String(doc.surveyId))
      }
      return found
    },
    withFreeWords: async (surveyId, limit, before?: FreeCursor) => {
      const _ = scope.command
      const docs = await readPages(_, {
        from: scope.query(COLLECTION.surveyAnswers),
        where: [{ surveyId, hasFree: true, ...(before !== undefined && { freeKey: _.lt(before) }) }],
        orderBy: 'freeKey',
        direction: 'desc',
        limit,
      })
      return docs.map((doc) => ({ answer: toAnswer(doc), cursor: String(doc.freeKey) }))
    },
  }
}

const valuesOf = (doc: Doc | null): Record<string, number> =>
  Object.fromEntries(Object.entries((doc?.values as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [k, Number(v)]))

export function cloudbaseSurveyCounters(scope: Scope): SurveyCounterRepository {
  const idOf = (surveyId: string, orgId: string, shard: number) => `${surveyId}:${orgId}:${shard}`
  return {
    add: async (surveyId, orgIds, deltas, spread) => {
      const nonZero = Object.entries(deltas).filter(([, n]) => n !== 0)
      if (nonZero.length === 0 || orgIds.length === 0) return
      const shard = shardOf(spread)
      await scope.atomically(async (doc) => {
        // One at a time: a transaction's operations share one session and must not overlap.
        for (const orgId of orgIds) {
          const id = idOf(surveyId, orgId, shard)
          const values = valuesOf(await getDoc(doc(COLLECTION.surveyCounters), id))
          for (const [key, n] of nonZero) values[key] = (values[key] ?? 0) + n
          await doc(COLLECTION.surveyCounters).doc(id).set({ surveyId, orgId, shard, values })
        }
      })
    },
    of: async (surveyId, orgIds) => {
      const _ = scope.command
      const ids = orgIds.flatMap((orgId) => Array.from({ length: SURVEY_COUNTER_SHARDS }, (__, shard) => idOf(surveyId, orgId, shard)))
      const slices: string[][] = []
      for (let i = 0; i < ids.length; i += IDS_PER_QUERY) slices.push(ids.slice(i, i + IDS_PER_QUERY))
      const pages = await Promise.all(slices.map((slice) => readAll(_, scope.query(COLLECTION.surveyCounters), { _id: _.in(slice) })))
      const byOrg = new Map<string, Record<string, number>>()
      for (const doc of pages.flat()) {
        const sum = byOrg.get(String(doc.orgId)) ?? {}
        for (const [key, n] of Object.entries(valuesOf(doc))) sum[key] = (sum[key] ?? 0) + n
        byOrg.set(String(doc.orgId), sum)
      }
      return orgIds.map((orgId) => byOrg.get(orgId) ?? {})
    },
  }
}
