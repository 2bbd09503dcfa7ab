/**
 * What an uploaded file is, read from its first bytes (the formats' magic numbers), never from the
 * Content-Type header its sender chose: a header says what the sender claims, the bytes what a
 * browser would make of it. Only the four formats the mini-program lets her pick are known.
 */

export interface ImageType {
  mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif'
  /** The extension a stored photo is named with. */
  ext: 'jpg' | 'png' | 'webp' | 'gif'
  /** How a person calls it. */
  label: 'JPG' | 'PNG' | 'WEBP' | 'GIF'
}

const JPEG: ImageType = { mime: 'image/jpeg', ext: 'jpg', label: 'JPG' }
const PNG: ImageType = { mime: 'image/png', ext: 'png', label: 'PNG' }
const WEBP: ImageType = { mime: 'image/webp', ext: 'webp', label: 'WEBP' }
const GIF: ImageType = { mime: 'image/gif', ext: 'gif', label: 'GIF' }

export const IMAGE_TYPES: readonly ImageType[] = [JPEG, PNG, WEBP, GIF]
const startsWith = (bytes: Buffer, at: number, signature: string | number[]) => {
  const expected = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature)
  return bytes.length >= at + expected.length && bytes.subarray(at, at + expected.length).equals(expected)
}

/** The format the bytes are in, or null when they are none of the four. */
export function imageTypeOf(bytes: Buffer): ImageType | null {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return JPEG
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG
  if (startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a')) return GIF
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP') && ['VP8 ', 'VP8L', 'VP8X'].some((chunk) => startsWith(bytes, 12, chunk))) {
    return WEBP
  }
  return null
}

/**
 * The image type a Content-Type header names: one of the four; `undeclared` when it names none in
 * particular (no header, or `application/octet-stream`: a browser that could not tell); null for
 * anything else (text/html, application/pdf …), which is refused before the body is read.
 */
export function declaredImageType(header: string | undefined): ImageType | 'undeclared' | null {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === '' || type === 'application/octet-stream') return 'undeclared'
  // image/jpg is not registered, but some clients send it for JPEG.
  if (type === 'image/jpg') return JPEG
  return IMAGE_TYPES.find((known) => known.mime === type) ?? null
}
