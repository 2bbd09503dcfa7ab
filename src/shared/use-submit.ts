/**
 * A button's call to the server: busy while it runs (for the button's loading), and a failure shown by
 * the one toast (cloud-error.ts), which loads the page again when it says the page is out of date.
 */
import { useState } from 'react'
import { showError } from './cloud-error'

export function useSubmit() {
  const [busy, setBusy] = useState(false)
  /** The work's answer, or undefined when it failed (already shown). */
  const submit = async <T>(work: () => Promise<T>, reloadWhenOutOfDate?: () => unknown): Promise<T | undefined> => {
    setBusy(true)
    try {
      return await work()
    } catch (error) {
      showError(error, reloadWhenOutOfDate)
      return undefined
    } finally {
      setBusy(false)
    }
  }
  return { busy, submit }
}
