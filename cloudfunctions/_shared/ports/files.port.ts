/**
 * Case photos in storage. Storage is private: the app shows a photo only from a short-lived URL the
 * server hands to someone allowed to see the case, and a report may only name photos its reporter
 * uploaded into her own upload folder of this environment.
 */
export interface Files {
  /** Where a person's uploads go: `case-photos/<keyed tag of her openid>` (no openid in storage). */
  uploadFolder(openid: string): string
  /** Whether a photo id names a file in this environment's storage, in this person's upload folder. */
  acceptable(fileId: string, openid: string): Promise<boolean>
  /** A short-lived URL for each photo id that can be shown; ids that cannot are left out. */
  viewUrls(fileIds: string[]): Promise<Record<string, string>>
}
