/** A deliberation as deliberation.get answers it, seen by a member who has not voted. */
import type { DeliberationDetail } from '../../../types/deliberation.contract'

export const aDeliberation = (overrides: Partial<DeliberationDetail> = {}): DeliberationDetail => ({
  id: 'dlb-1',
  orgId: 'v1',
  orgName: '蒲河村',
  title: '村口路灯由谁出资维修',
  shareTitle: '村口路灯由谁出资维修',
  status: 'open',
  multiple: false,
  anonymous: false,
  openedAt: '2026-11-30T01:00:00.000Z',
  closesAt: '2026-12-03T02:00:00.000Z',
  turnout: { ballots: 2, members: 6, quorum: 4, quorumMet: false },
  voted: false,
  commentCount: 0,
  asOf: '2026-11-30T01:00:00.000Z',
  background: '村口到小学的路灯坏了两个月。',
  options: ['村集体出资', '申请镇里专项资金'],
  passRatio: 0.5,
  countsHidden: true,
  comments: [],
  groupBound: false,
  can: { vote: true, proxyVote: false, comment: true, close: false, bindGroup: false, share: true, remind: false },
  ...overrides,
})
