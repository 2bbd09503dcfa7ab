/** What the local host has in place of WeChat's content checks and group chats. */
import type { ContentGuard } from '../ports/content-guard.port'
import type { GroupResolver } from '../ports/group-resolver.port'
import type { MediaGuard } from '../ports/media-guard.port'

/** Words that get text refused locally. Tests use 测试违禁词 so no real slur needs to live here. */
const RISKY = ['测试违禁词', '赌博网站', '代开发票', '枪支出售']

/** The local ContentGuard: a short keyword list, enough to exercise the refusal path end to end. */
export const keywordGuard: ContentGuard = {
  check: async (text) => (RISKY.some((word) => text.includes(word)) ? 'risky' : 'pass'),
}

/**
 * The local GroupResolver: the H5 app simulates a group chat with a group id it makes up, so the
 * bind-then-arrive flow can be tried and tested without WeChat. A real cloudID means nothing here.
 */
export const localGroupResolver: GroupResolver = {
  openGId: async ({ localGroupId }) => (localGroupId ? `local-group-${localGroupId}` : null),
}

/**
 * The local MediaGuard: images are not checked. Nothing could deliver a verdict here (the local host
 * has no message push), and a keyword list has nothing to read in an image; a check that always
 * passed would only pretend. The photos stay as they were uploaded.
 */
export const noMediaCheck: MediaGuard = {
  startImageCheck: async () => null,
}
