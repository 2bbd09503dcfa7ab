/**
 * The local GroupResolver: the H5 app simulates a group chat with a group id it makes up, so the
 * bind-then-arrive flow can be tried and tested without WeChat. A real cloudID means nothing here.
 */
import type { GroupResolver } from '../ports/group-resolver.port'

export const localGroupResolver: GroupResolver = {
  openGId: async ({ localGroupId }) => (localGroupId ? `local-group-${localGroupId}` : null),
}
