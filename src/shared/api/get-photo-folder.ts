/** Asks where in cloud storage her photo uploads go (intake.photoFolder). */
import type { ActionResult } from '../../../types'
import { call } from '../cloud-client'

export const getPhotoFolder = (): Promise<ActionResult<'intake', 'photoFolder'>> => call('intake', 'photoFolder', {})
