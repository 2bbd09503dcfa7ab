/** The parts of the emulated cloud the production path's host uses, as it uses them. */
import type { OrgView } from '../../cloudfunctions/_local/host-backend'

export interface EmulatorPieces {
  orgs(): Promise<OrgView[]>
  openapi: {
    grant(openid: string, templateId: string): void
    issueGroupCloudId(openGId: string, openid: string): string
    outbox(openid: string | null): unknown[]
    cards(): unknown[]
  }
  storage: {
    putFile(file: { cloudPath: string; bytes: Buffer; contentType: string; ownerOpenid: string }): Promise<{ fileID: string }>
    /** A temp URL for a stored file, as getTempFileURL hands out. */
    tempUrl(fileID: string, maxAgeSeconds: number): string
  }
}
