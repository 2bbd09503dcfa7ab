/**
 * The emulator's storage, driven by the real @cloudbase/node-sdk (uploadFile, getTempFileURL,
 * downloadFile, deleteFile) over HTTP, and by plain fetch for what a client without a signature gets.
 */
import type { CloudEmulator } from '../../tools/cloud-emulator/emulator'
import { freshDataDir, rejectionCode, removeDataDir, sdkApp, startTestEmulator, testFunction, type SdkApp } from './emulator.fixture'

let clock = Date.UTC(2026, 0, 1)
let dataDir: string
let emulator: CloudEmulator
let app: SdkApp

beforeAll(async () => {
  dataDir = freshDataDir()
  emulator = await startTestEmulator({ dataDir, now: () => clock })
  const fn = testFunction('storage-fn')
  emulator.registerFunction(fn)
  app = sdkApp(emulator, fn)
})

afterAll(async () => {
  await emulator.close()
  removeDataDir(dataDir)
})

const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 0x0a, 0x0d])

async function tempUrl(fileID: string, maxAge?: number): Promise<string> {
  const { fileList } = await app.getTempFileURL({ fileList: [maxAge ? { fileID, maxAge } : fileID] })
  expect(fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' })
  return fileList[0].tempFileURL as string
}

test('uploadFile → getTempFileURL → downloadFile gives the bytes back, with CloudBase-shaped file ids', async () => {
  const { fileID } = await app.uploadFile({ cloudPath: 'cases/c1/照片 1.jpg', fileContent: bytes })
  expect(fileID).toBe(`cloud://${emulator.envId}.${emulator.storage.bucket}/cases/c1/照片 1.jpg`)
  expect(emulator.storage.bucket).toMatch(new RegExp(`^[0-9a-f]{4}-${emulator.envId}-\\d+$`))

  const url = await tempUrl(fileID, 600)
  const fetched = await fetch(encodeURI(url))
  expect(fetched.status).toBe(200)
  expect(fetched.headers.get('content-type')).toBe('image/jpeg')
  expect(Buffer.from(await fetched.arrayBuffer())).toEqual(bytes)

  const { fileContent } = await app.downloadFile({ fileID })
  expect(Buffer.from(fileContent)).toEqual(bytes)
  expect((await emulator.storage.readFile(fileID))?.bytes).toEqual(bytes)
})

test('a temp URL stops working when it expires by the emulated clock', async () => {
  const { fileID } = await app.uploadFile({ cloudPath: 'expiring.txt', fileContent: Buffer.from('soon gone') })
  const url = encodeURI(await tempUrl(fileID, 60))
  expect((await fetch(url)).status).toBe(200)
  clock += 61_000
  const expired = await fetch(url)
  expect(expired.status).toBe(403)
  expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code>/)
  // A new temp URL works again.
  expect((await fetch(encodeURI(await tempUrl(fileID, 60)))).status).toBe(200)
})

test('a file is private: no download without a temp URL, nor with a forged or altered one', async () => {
  const { fileID } = await app.uploadFile({ cloudPath: 'private/secret.txt', fileContent: Buffer.from('secret') })
  const url = new URL(encodeURI(await tempUrl(fileID, 600)))
  const plain = `${url.origin}${url.pathname}`
  expect((await fetch(plain)).status).toBe(403)
  const forged = new URL(url)
  forged.searchParams.set('sign', 'f'.repeat(64))
  expect((await fetch(forged)).status).toBe(403)
  const extended = new URL(url)
  extended.searchParams.set('t', String(Number(url.searchParams.get('t')) + 3600))
  expect((await fetch(extended)).status).toBe(403)
  const otherFile = new URL(url)
  otherFile.pathname = otherFile.pathname.replace('secret.txt', 'other.txt')
  expect((await fetch(otherFile)).status).toBe(403)
  // The upload metadata's download_url is the plain object URL: refused too.
  const meta = await app.getUploadMetadata({ cloudPath: 'private/next.txt' })
  expect((await fetch(meta.data.download_url)).status).toBe(403)
})

test('an upload is accepted only with the authorization getUploadMetadata issued for that path', async () => {
  const meta = await app.getUploadMetadata({ cloudPath: 'uploads/a.bin' })
  const { url, token, authorization, cosFileId } = meta.data
  const put = (target: string, headers: Record<string, string>) => fetch(target, { method: 'PUT', headers, body: bytes })
  const headers = { authorization, 'x-cos-security-token': token, 'x-cos-meta-fileid': cosFileId }
  const forged = await put(url, { ...headers, authorization: authorization.replace(/q-signature=\w+/, `q-signature=${'0'.repeat(64)}`) })
  expect(forged.status).toBe(403)
  expect(await forged.text()).toMatch(/SignatureDoesNotMatch/)
  expect((await put(url.replace('a.bin', 'b.bin'), headers)).status).toBe(403)
  expect((await put(url, { ...headers, 'x-cos-meta-fileid': 'other' })).status).toBe(403)
  expect(await emulator.storage.readFile(meta.data.fileId)).toBeNull()
  expect((await put(url, headers)).status).toBe(200)
  expect((await emulator.storage.readFile(meta.data.fileId))?.bytes).toEqual(bytes)
})

test("the host's putFile stands in for the mini-program's upload; functions read it through temp URLs", async () => {
  const { fileID } = await emulator.storage.putFile({ cloudPath: 'avatars/o1.png', bytes, contentType: 'image/png', ownerOpenid: 'o1' })
  expect(await emulator.storage.readFile(fileID)).toMatchObject({ contentType: 'image/png', size: bytes.length, ownerOpenid: 'o1', cloudPath: 'avatars/o1.png' })
  const { fileContent } = await app.downloadFile({ fileID })
  expect(Buffer.from(fileContent)).toEqual(bytes)
  const fetched = await fetch(emulator.storage.tempUrl(fileID, 30))
  expect(fetched.headers.get('content-type')).toBe('image/png')
  expect(await emulator.storage.readPath('avatars/o1.png')).toEqual(bytes)
})

test('deleteFile removes a file; afterwards its temp URL answers 404 and getTempFileURL says STORAGE_FILE_NONEXIST', async () => {
  const { fileID } = await app.uploadFile({ cloudPath: 'to-delete.txt', fileContent: Buffer.from('x') })
  const url = encodeURI(await tempUrl(fileID, 600))
  expect((await app.deleteFile({ fileList: [fileID] })).fileList).toEqual([{ fileID, code: 'SUCCESS' }])
  expect((await app.deleteFile({ fileList: [fileID] })).fileList).toEqual([{ fileID, code: 'STORAGE_FILE_NONEXIST' }])
  expect((await fetch(url)).status).toBe(404)
  const { fileList } = await app.getTempFileURL({ fileList: [fileID, 'cloud://another-env.xxxx/file.txt'] })
  expect(fileList.map((f: { code: string }) => f.code)).toEqual(['STORAGE_FILE_NONEXIST', 'STORAGE_FILE_NONEXIST'])
  expect(await rejectionCode(app.downloadFile({ fileID }))).toBe('STORAGE_FILE_NONEXIST')
})

test('files survive a restart on the same data directory, and so do the temp URLs issued before it', async () => {
  const dir = freshDataDir()
  const fn = testFunction('restart-storage')
  const first = await startTestEmulator({ dataDir: dir, now: () => clock })
  first.registerFunction(fn)
  const { fileID } = await sdkApp(first, fn).uploadFile({ cloudPath: 'kept.txt', fileContent: Buffer.from('kept') })
  const before = first.storage.tempUrl(fileID, 600)
  await first.close()
  const second = await startTestEmulator({ dataDir: dir, now: () => clock, port: Number(new URL(before).port) })
  try {
    second.registerFunction(fn)
    expect(await (await fetch(before)).text()).toBe('kept')
    const { fileContent } = await sdkApp(second, fn).downloadFile({ fileID })
    expect(fileContent.toString()).toBe('kept')
  } finally {
    await second.close()
    removeDataDir(dir)
  }
})
