/** `deliberation.close`: the convener or a cadre closes it by hand; the result goes to the council and the case. */
import { deliberationCommand } from '../../_shared/handler/command-action'
import { refreshCard } from '../group-card'

export const close = deliberationCommand('deliberation', 'close', {
  authorization: ['deliberation.manage'],
  afterChange: refreshCard,
  command: (_input, base) => ({ ...base, type: 'CloseDeliberation' }),
})
