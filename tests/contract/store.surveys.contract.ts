/**
 * Surveys: stored whole and listed per org newest first; each answer under her tag, found by her and
 * by nobody else, her openid nowhere at rest; free answers paged newest first by a cursor that names
 * no one; counters added per org (spread or not, the sums are what is read) and kept only with a
 * committed transaction.
 */
import type { Store, SurveyAnswerRecord, SurveyRecord } from '../../cloudfunctions/_shared/ports/store.port'

export function surveysContract(current: () => Store, stored?: () => Promise<string>) {
  const aSurvey = (id: string, overrides: Partial<SurveyRecord> = {}): SurveyRecord => ({
    id,
    orgId: 't1',
    title: `调研${id}`,
    questions: [
      { text: '最需要的服务', options: ['法律', '健康'], multiple: true },
      { text: '建议', free: true },
    ],
    audience: 'residents',
    openedBy: 'o-cadre',
    openedAt: '2026-11-30T01:00:00.000Z',
    closesAt: '2026-12-20T01:00:00.000Z',
    ...overrides,
  })
  const anAnswer = (surveyId: string, answerId: string, overrides: Partial<SurveyAnswerRecord> = {}): SurveyAnswerRecord => ({
    surveyId,
    answerId,
    chain: ['v1', 't1'],
    answers: [[0], ''],
    answeredAt: '2026-11-30T02:00:00.000Z',
    changedAt: '2026-11-30T02:00:00.000Z',
    hasFree: false,
    ...overrides,
  })

  describe('surveys', () => {
    test('put and get round-trip every field; a put replaces; ofOrg newest opened first (ties by id, descending), at most the limit', async () => {
      const store = current()
      await store.surveys.put(aSurvey('s1', { openedAt: '2026-11-29T00:00:00.000Z' }))
      await store.surveys.put(aSurvey('s2', { audience: 'members' }))
      await store.surveys.put(aSurvey('s3'))
      await store.surveys.put(aSurvey('u1', { orgId: 't2' }))
      expect(await store.surveys.get('s2')).toEqual(aSurvey('s2', { audience: 'members' }))
      expect(await store.surveys.get('nope')).toBeNull()
      const closed = aSurvey('s3', { closedAt: '2026-12-01T00:00:00.000Z', closedBy: 'o-cadre' })
      await store.surveys.put(closed)
      expect(await store.surveys.get('s3')).toEqual(closed)
      const ids = async (orgId: string, limit = 50) => (await store.surveys.ofOrg(orgId, limit)).map((s) => s.id)
      expect(await ids('t1')).toEqual(['s3', 's2', 's1'])
      expect(await ids('t1', 2)).toEqual(['s3', 's2'])
      expect(await ids('t2')).toEqual(['u1'])
      expect(await ids('t9')).toEqual([])
    })
  })

  describe('survey answers', () => {
    test('hers by her openid, nobody else’s; replaced by a change; which of several surveys she answered', async () => {
      const store = current()
      expect(await store.surveyAnswers.get('s1', 'o-a')).toBeNull()
      await store.surveyAnswers.put('o-a', anAnswer('s1', 'a1'))
      await store.surveyAnswers.put('o-a', anAnswer('s2', 'a2'))
      await store.surveyAnswers.put('o-b', anAnswer('s3', 'a3'))
      expect(await store.surveyAnswers.get('s1', 'o-a')).toEqual(anAnswer('s1', 'a1'))
      expect(await store.surveyAnswers.get('s1', 'o-b')).toBeNull()
      const changed = anAnswer('s1', 'a1', { answers: [[1], '多办讲座'], changedAt: '2026-11-30T03:00:00.000Z', hasFree: true })
      await store.surveyAnswers.put('o-a', changed)
      expect(await store.surveyAnswers.get('s1', 'o-a')).toEqual(changed)
      expect(await store.surveyAnswers.answeredOf('o-a', ['s1', 's2', 's3', 's9'])).toEqual(new Set(['s1', 's2']))
      expect(await store.surveyAnswers.answeredOf('o-a', [])).toEqual(new Set())
    })

    test('withFreeWords: only answers with words, the latest changed first, paged by a cursor that names no one', async () => {
      const store = current()
      const at = (h: number) => `2026-11-30T0${h}:00:00.000Z`
      await store.surveyAnswers.put('o-1', anAnswer('s1', 'a1', { changedAt: at(1), hasFree: true, answers: [[0], '一'] }))
      await store.surveyAnswers.put('o-2', anAnswer('s1', 'a2', { changedAt: at(3), hasFree: true, answers: [[0], '二'] }))
      await store.surveyAnswers.put('o-3', anAnswer('s1', 'a3', { changedAt: at(3), hasFree: true, answers: [[0], '三'] }))
      await store.surveyAnswers.put('o-4', anAnswer('s1', 'a4', { changedAt: at(5) }))
      await store.surveyAnswers.put('o-5', anAnswer('s2', 'a5', { changedAt: at(5), hasFree: true, answers: [[0], '别的'] }))
      const first = await store.surveyAnswers.withFreeWords('s1', 2)
      expect(first.map((x) => x.answer.answerId)).toEqual(['a3', 'a2'])
      expect(first[0]!.answer).toEqual(anAnswer('s1', 'a3', { changedAt: at(3), hasFree: true, answers: [[0], '三'] }))
      for (const { cursor } of first) expect(cursor).not.toMatch(/o-\d/)
      const rest = await store.surveyAnswers.withFreeWords('s1', 2, first[1]!.cursor)
      expect(rest.map((x) => x.answer.answerId)).toEqual(['a1'])
      // Her words taken back: off the page.
      await store.surveyAnswers.put('o-2', anAnswer('s1', 'a2', { changedAt: at(4), hasFree: false }))
      expect((await store.surveyAnswers.withFreeWords('s1', 10)).map((x) => x.answer.answerId)).toEqual(['a3', 'a1'])
    })

    if (stored) {
      test('her answer is kept under her tag: her openid is nowhere in the store', async () => {
        const store = current()
        const openid = 'oSurveyAnswerOpenid9Qz'
        await store.transaction(async (tx) => {
          await tx.surveyAnswers.put(openid, anAnswer('s1', 'a1', { hasFree: true, answers: [[0], '建议'] }))
          await tx.surveyCounters.add('s1', ['v1', 't1'], { n: 1 }, 'a1')
        })
        expect(await store.surveyAnswers.get('s1', openid)).not.toBeNull()
        expect(await stored()).not.toContain(openid)
      })
    }
  })

  describe('survey counters', () => {
    test('added per org and read back summed, whatever the spread key; {} for none; in the order asked', async () => {
      const store = current()
      await store.surveyCounters.add('s1', ['v1', 't1'], { n: 1, 'q0:0': 1 }, 'a1')
      await store.surveyCounters.add('s1', ['v2', 't1'], { n: 1, 'q0:1': 1 }, 'a2')
      await store.surveyCounters.add('s1', ['v1', 't1'], { 'q0:0': -1, 'q0:1': 1 }, 'a1')
      await store.surveyCounters.add('s2', ['t1'], { n: 5 }, 'a9')
      await store.surveyCounters.add('s1', ['t1'], {}, 'a3')
      const [t1, v1, v2, v9] = await store.surveyCounters.of('s1', ['t1', 'v1', 'v2', 'v9'])
      expect(t1).toMatchObject({ n: 2, 'q0:1': 2 })
      expect(t1!['q0:0'] ?? 0).toBe(0)
      expect(v1).toMatchObject({ n: 1, 'q0:1': 1 })
      expect(v2).toEqual({ n: 1, 'q0:1': 1 })
      expect(v9).toEqual({})
      expect(await store.surveyCounters.of('s1', [])).toEqual([])
      // Many spread keys: the sum is what is read.
      for (let i = 0; i < 20; i++) await store.surveyCounters.add('s3', ['t1'], { n: 1 }, `answer_${i}`)
      expect((await store.surveyCounters.of('s3', ['t1']))[0]).toEqual({ n: 20 })
    })

    test('an answer and its counts in a transaction that throws are not kept', async () => {
      const store = current()
      await expect(
        store.transaction(async (tx) => {
          await tx.surveyAnswers.put('o-a', anAnswer('s1', 'a1'))
          await tx.surveyCounters.add('s1', ['t1'], { n: 1 }, 'a1')
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await store.surveyAnswers.get('s1', 'o-a')).toBeNull()
      expect(await store.surveyCounters.of('s1', ['t1'])).toEqual([{}])
    })
  })
}
