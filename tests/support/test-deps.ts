/** Real handlers' dependencies on a real SQLite file, a fixed clock and counting ids. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AdjustableClock } from '../../cloudfunctions/_shared/adapters/clock'
import { countingIds } from './counting-ids'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { keywordGuard, localGroupResolver, noMediaCheck } from '../../cloudfunctions/_shared/adapters/local-stand-ins'
import { localPhotoFiles } from '../../cloudfunctions/_shared/adapters/local-photos.files'
import { uploadFolderOf } from '../../cloudfunctions/_shared/files/upload-folder'
import { aesGcmCipher, keyFromEnvironment } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { silentLogger } from '../../cloudfunctions/_shared/ports/logger.port'
import type { Deps } from '../../cloudfunctions/_shared/context/deps'
import { seedDemoProvince } from '../../cloudfunctions/_local/seed/seed'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { FIXED_NOW } from './local-host'
import type { Messenger, OutgoingMessage, SendResult } from '../../cloudfunctions/_shared/ports/messenger.port'
import { templateIds } from '../../cloudfunctions/_shared/notify/templates'
import { LocalShareCards } from '../../cloudfunctions/_shared/adapters/local-share-cards'

export interface TestDeps extends Deps {
  clock: AdjustableClock
  messenger: RecordingMessenger
  shareCards: LocalShareCards
}

/** Records every send; `answer` decides what WeChat would say (success unless a test says otherwise). */
export class RecordingMessenger implements Messenger {
  sent: OutgoingMessage[] = []
  answer: (message: OutgoingMessage) => SendResult | Promise<SendResult> = () => ({ ok: true })
  async send(message: OutgoingMessage) {
    const result = await this.answer(message)
    if (result.ok) this.sent.push(message)
    return result
  }
}

export async function demoDeps(): Promise<TestDeps> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fulian-deps-'))
  const store = openSqliteStore(join(dataDir, 'test.sqlite'), aesGcmCipher(keyFromEnvironment(true)))
  await seedDemoProvince(store)
  const clock = AdjustableClock.fixedAt(FIXED_NOW)
  return {
    store,
    clock,
    ids: countingIds(),
    log: silentLogger,
    contentGuard: keywordGuard,
    cipher: aesGcmCipher(keyFromEnvironment(true)),
    messenger: new RecordingMessenger(),
    templates: templateIds(),
    groups: localGroupResolver,
    files: localPhotoFiles(dataDir, uploadFolderOf(keyFromEnvironment(true))),
    mediaGuard: noMediaCheck,
    shareCards: new LocalShareCards(join(dataDir, 'cards.jsonl'), clock),
  }
}

/** Calls an action as `openid` and returns its data, failing the test on an error envelope. */
export async function callAs<T = any>(deps: Deps, fn: FunctionDef, openid: string, event: Record<string, unknown>): Promise<T> {
  const reply = await handle(fn, event, { kind: 'user', openid }, deps)
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`)
  return reply.data as T
}
