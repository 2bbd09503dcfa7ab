/**
 * The settings a real environment keeps in the console, made once per data folder for the emulated
 * one: the phone encryption key (random, as production's must be) and the subscription template ids
 * chosen "in the console" (the emulated WeChat knows the same ids: openapi/product-templates.ts).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { TEMPLATES } from '../../cloudfunctions/_shared/notify/templates'

export interface CloudSecrets {
  PHONE_ENCRYPTION_KEY: string
  SUBSCRIBE_TEMPLATE_IDS: string
}

export function loadCloudSecrets(file: string): CloudSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as CloudSecrets
  const ids = Object.fromEntries(Object.keys(TEMPLATES).map((key) => [key, `emu-${key}-${randomBytes(4).toString('hex')}`]))
  const secrets: CloudSecrets = {
    PHONE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(ids),
  }
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 })
  return secrets
}
