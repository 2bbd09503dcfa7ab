/**
 * `notify`: which subscription templates to ask for, the credits she grants, her message centre.
 * One file per action in actions/. Timers: deliver what is queued, and forget the write limit's
 * counts of minutes that are over.
 */
import { defineFunction } from '../_shared/handler/define-function'
import { deliverMessages } from '../_shared/notify/deliver'
import { inbox } from './actions/inbox.action'
import { markRead } from './actions/mark-read.action'
import { subscribe } from './actions/subscribe.action'
import { templates } from './actions/templates.action'
import { forgetWriteCounts } from './forget-write-counts.job'

export const notifyFunction = defineFunction(
  'notify',
  { templates, subscribe, inbox, markRead },
  {
    deliver: (ctx) => deliverMessages(ctx),
    // The timer that runs every minute: the write limit's counts last little longer than their minute.
    forgetWriteCounts,
  },
)
