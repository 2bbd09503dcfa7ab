/** `escalation.reply`: the holder records the partner department's reply (部门回复). */
import { caseCommand } from '../../_shared/handler/command-action'

export const reply = caseCommand('escalation', 'reply', {
  authorization: ['case.reply'],
  contentChecked: ({ reply: text }) => [text],
  command: ({ reply: text }, base) => ({ ...base, type: 'RecordDepartmentReply', reply: text }),
})
