/**
 * The "tell me by WeChat message" offer a page makes after a step (a report sent, a first ballot):
 * which templates to ask for, the ask itself (WeChat's dialog in weapp, the app's own in local h5),
 * and what she answered.
 */
import { useState } from 'react'
import type { TemplateInfo } from '../../../types'
import { showError } from '../../shared/cloud-error'
import { IS_LOCAL_MODE } from '../../shared/local-mode'
import { askForMessages, fetchTemplates, recordGrant } from './ask-for-messages'

export function useAllowMessages() {
  const [templates, setTemplates] = useState<TemplateInfo[]>([])
  /** Local h5 only: the app's stand-in dialog is open. */
  const [asking, setAsking] = useState(false)
  /** Undefined until she has answered. */
  const [subscribed, setSubscribed] = useState<boolean>()

  /** Loads what to offer for this moment; nothing is shown if it cannot be loaded. */
  const offer = (moment: 'after_report' | 'council' | 'desk') => {
    fetchTemplates(moment).then(setTemplates, () => setTemplates([]))
  }
  /** On her tap: WeChat's dialog must follow a tap directly. */
  const allow = async () => {
    if (IS_LOCAL_MODE) return setAsking(true)
    setSubscribed((await askForMessages(templates)).length > 0)
  }
  /** Local h5: her answer in the stand-in dialog. */
  const answered = async (accepted: string[]) => {
    setAsking(false)
    try {
      await recordGrant(accepted)
      setSubscribed(accepted.length > 0)
    } catch (error) {
      showError(error)
    }
  }

  return { templates, asking, subscribed, offer, allow, answered, offered: templates.length > 0 && subscribed === undefined }
}
