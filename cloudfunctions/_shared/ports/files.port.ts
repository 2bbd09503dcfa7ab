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
  /**
   * A URL for each photo id that WeChat's image check can download it from, for as long as a check may
   * take (its verdict comes within 30 minutes); ids that cannot be fetched are left out. Given to the
   * check only, never to a person.
   */
  checkUrls(fileIds: string[]): Promise<Record<string, string>>
}
