/**
 * multipart/form-data bodies, as node-sdk sends `wx.openApi` (and `wx.wxPayApi`): its request core
 * appends every param to a `form-data` FormData (node_modules/@cloudbase/node-sdk/dist/utils/
 * request-core.js), strings as plain fields and Buffers (requestData) as parts typed
 * application/octet-stream without a filename. busboy treats exactly those as files, so text fields
 * come back as strings and binary parts as Buffers, byte for byte.
 */
import busboy from 'busboy'

export type MultipartFields = Record<string, string | Buffer>

export function parseMultipart(contentType: string, body: Buffer, limit: number): Promise<MultipartFields> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: { fieldSize: limit, fileSize: limit, fieldNameSize: 1024 },
      })
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)))
      return
    }
    const fields: MultipartFields = {}
    const pending: Promise<void>[] = []
    let truncated = false
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) truncated = true
      // A field named __proto__ would replace the object's prototype: dropped.
      if (name !== '__proto__') fields[name] = value
    })
    parser.on('file', (name, stream) => {
      pending.push(
        new Promise<void>((done, fail) => {
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('limit', () => {
            truncated = true
          })
          stream.on('error', fail)
          stream.on('end', () => {
            if (name !== '__proto__') fields[name] = Buffer.concat(chunks)
            done()
          })
        }),
      )
    })
    parser.on('error', (error) => reject(error instanceof Error ? error : new Error(String(error))))
    parser.on('close', () => {
      Promise.all(pending).then(
        () => (truncated ? reject(new Error('a multipart part is over the size limit')) : resolve(fields)),
        reject,
      )
    })
    parser.end(body)
  })
}
