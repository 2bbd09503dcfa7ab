/**
 * `deliberation` (议事协商): a village council opens a micro-deliberation on a case or a free topic,
 * members vote (the convener may record a ballot agreed by phone), discuss, and it closes by hand or
 * at the deadline; the council's WeChat group can be bound so a member arriving from it lands on the
 * open deliberation. Shared there, it is an updatable card that follows the ballots and the close
 * (shareCard); the convener reminds those who have not voted (remindVoters). Timer: the one reminder
 * to those who have not voted, and the close at the deadline (due.jobs.ts).
 */
import { defineFunction } from '../_shared/handler/define-function'
import { bindGroup } from './actions/bind-group.action'
import { close } from './actions/close.action'
import { comment } from './actions/comment.action'
import { get } from './actions/get.action'
import { list } from './actions/list.action'
import { open } from './actions/open.action'
import { proxyVote } from './actions/proxy-vote.action'
import { resolveGroup } from './actions/resolve-group.action'
import { remindVoters } from './actions/remind-voters.action'
import { shareCard } from './actions/share-card.action'
import { vote } from './actions/vote.action'
import { runDueDeliberations } from './due.jobs'

export const deliberationFunction = defineFunction(
  'deliberation',
  { open, get, vote, proxyVote, comment, close, list, bindGroup, resolveGroup, shareCard, remindVoters },
  { due: (ctx) => runDueDeliberations(ctx) },
)
