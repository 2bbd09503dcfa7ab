/**
 * `intake`: a woman reports a problem, an appeal or a suggestion to her village council, follows
 * it, rates it when it is resolved, or withdraws it before. Her photos are checked after the report is
 * saved; a photo WeChat's verdict rejects is hidden when the verdict is pushed here (media-verdict.push.ts).
 */
import { defineFunction } from '../_shared/handler/define-function'
import { get } from './actions/get.action'
import { mine } from './actions/mine.action'
import { photoFolder } from './actions/photo-folder.action'
import { rate } from './actions/rate.action'
import { revealContact } from './actions/reveal-contact.action'
import { submit } from './actions/submit.action'
import { withdraw } from './actions/withdraw.action'
import { similar } from './actions/similar.action'
import { meToo } from './actions/me-too.action'
import { purgeContacts } from './purge-contacts.job'
import { mediaVerdictPush } from './media-verdict.push'

export const intakeFunction = defineFunction(
  'intake',
  { submit, photoFolder, mine, get, revealContact, rate, withdraw, similar, meToo },
  { purgeContacts: (ctx) => purgeContacts(ctx) },
  // WeChat's verdict on a photo's content check (the console sends wxa_media_check here).
  { wxa_media_check: mediaVerdictPush },
)
