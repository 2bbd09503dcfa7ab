/** `intake.photoFolder`: where her photos are uploaded before a report names them (a keyed tag, not her openid). */
import { defineAction } from '../../_shared/handler/action'

export const photoFolder = defineAction({
  fn: 'intake', name: 'photoFolder', kind: 'read', authorization: [],
  run: async ({ deps, openid }) => ({ folder: deps.files.uploadFolder(openid) }),
})
