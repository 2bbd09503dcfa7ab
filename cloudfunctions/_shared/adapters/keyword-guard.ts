/** The local ContentGuard: a short keyword list, enough to exercise the refusal path end to end. */
import type { ContentGuard } from '../ports/content-guard.port'

/** Words that get text refused locally. Tests use 测试违禁词 so no real slur needs to live here. */
const RISKY = ['测试违禁词', '赌博网站', '代开发票', '枪支出售']

export const keywordGuard: ContentGuard = {
  check: async (text) => (RISKY.some((word) => text.includes(word)) ? 'risky' : 'pass'),
}
