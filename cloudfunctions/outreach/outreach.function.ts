/**
 * `outreach`: announcements (公告) — an org's policies, notices and activities for the residents of
 * its subtree (publish, retire), and each person's list of those on her line with unread marks
 * (feed, markSeen). The rules are domain/outreach.rules.ts; what they share, outreach.ts.
 */
import { defineFunction } from '../_shared/handler/define-function'
import { feed } from './actions/feed.action'
import { markSeen } from './actions/mark-seen.action'
import { publish } from './actions/publish.action'
import { retire } from './actions/retire.action'

export const outreachFunction = defineFunction('outreach', { publish, feed, markSeen, retire })
