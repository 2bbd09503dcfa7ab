/**
 * The stored files, on disk under the data directory: one `<sha256 of the cloud path>.bin` for the
 * bytes and a `.json` beside it for what CloudBase keeps about the file. Each is written to a temporary
 * name and renamed, and the metadata goes last, so a file exists once both are whole.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface StoredFileMeta {
  cloudPath: string
  contentType: string
  size: number
  /** Who uploaded it, when the host says so (the mini-program's wx.cloud.uploadFile); none for a function. */
  ownerOpenid?: string
  /** Emulated-clock ms. */
  uploadedAt: number
}

export class ObjectStore {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true })
  }

  put(bytes: Buffer, meta: StoredFileMeta): void {
    const base = this.base(meta.cloudPath)
    this.writeAtomically(`${base}.bin`, bytes)
    this.writeAtomically(`${base}.json`, Buffer.from(JSON.stringify(meta)))
  }

  meta(cloudPath: string): StoredFileMeta | null {
    const file = `${this.base(cloudPath)}.json`
    if (!existsSync(file)) return null
    try {
      const meta = JSON.parse(readFileSync(file, 'utf8')) as StoredFileMeta
      return meta.cloudPath === cloudPath ? meta : null
    } catch {
      return null
    }
  }

  read(cloudPath: string): { bytes: Buffer; meta: StoredFileMeta } | null {
    const meta = this.meta(cloudPath)
    if (!meta) return null
    try {
      return { bytes: readFileSync(`${this.base(cloudPath)}.bin`), meta }
    } catch {
      return null
    }
  }

  delete(cloudPath: string): boolean {
    const base = this.base(cloudPath)
    const existed = this.meta(cloudPath) !== null
    rmSync(`${base}.json`, { force: true })
    rmSync(`${base}.bin`, { force: true })
    return existed
  }

  private base(cloudPath: string): string {
    return join(this.dir, createHash('sha256').update(cloudPath).digest('hex'))
  }

  private writeAtomically(file: string, bytes: Buffer): void {
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
    writeFileSync(temporary, bytes)
    renameSync(temporary, file)
  }
}
