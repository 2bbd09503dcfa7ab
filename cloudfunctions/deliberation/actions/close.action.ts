/** `deliberation.close`: the convener or a cadre closes it by hand; the result goes to the council and the case. */
import { deliberationCommand } from '../../_shared/handler/command-action'

export const close = deliberationCommand('deliberation', 'close', {
  authorization: ['deliberation.manage'],
  command: (_input, base) => ({ ...base, type: 'CloseDeliberation' }),
})
