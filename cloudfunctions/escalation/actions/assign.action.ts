/** `escalation.assign`: the holder hands the case to a partner department (转办部门), to follow up by a date. */
import { caseCommand } from '../../_shared/handler/command-action'

export const assign = caseCommand('escalation', 'assign', {
  authorization: ['case.assign'],
  contentChecked: ({ department, note }) => [department, note],
  command: ({ department, note, followUpBy }, base) => ({
    ...base,
    type: 'AssignDepartment',
    department,
    note,
    ...(followUpBy && { followUpBy: new Date(followUpBy).toISOString() }),
  }),
})
