/** The report form: what kind, what about, where, what happened, photos, anonymity, a phone. */
import { Input, Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { CONTENT_MAX, SENSITIVE_CATEGORIES, TITLE_MAX } from '../../../types'
import { Card } from '../../shared/card'
import { Choice } from '../../shared/choice'
import { TextField } from '../../shared/text-field'
import { CATEGORY_OPTIONS, KIND_OPTIONS } from './report-options'
import type { ReportDraft } from './report-draft'
import type { FieldErrors } from './validate-report'
import { VillagePicker } from './village-picker'
import { PhotoPicker } from './photo-picker'
import { PhoneNumber } from '../../shared/phone-number'
import { VoiceInput } from './voice-input'
import { SimilarCases } from './similar-cases'

interface Props {
  draft: ReportDraft
  errors: FieldErrors
  onChange: (patch: Partial<ReportDraft>) => void
  /** A council member may file for a resident who cannot herself. */
  canFileOnBehalf?: boolean
}

/** The card each field is in, top to bottom: where the page scrolls to show the first problem. */
export const sectionOf: Record<keyof FieldErrors, string> = {
  onBehalfOf: 'report-on-behalf',
  kind: 'report-kind',
  category: 'report-category',
  villageId: 'report-village',
  title: 'report-text',
  content: 'report-text',
  photos: 'report-photos',
  phone: 'report-contact',
}

function Choices<T extends string>(props: {
  options: { value: T; label: string; hint: string }[]
  value?: T
  onPick: (value: T) => void
}) {
  return (
    <View>
      {props.options.map((o) => (
        <Choice key={o.value} on={props.value === o.value} label={o.label} hint={o.hint} onPick={() => props.onPick(o.value)} />
      ))}
    </View>
  )
}

export function ReportForm({ draft, errors, onChange, canFileOnBehalf }: Props) {
  const sensitive = draft.category !== undefined && SENSITIVE_CATEGORIES.includes(draft.category)
  return (
    <View>
      {canFileOnBehalf && (
        <Card id={sectionOf.onBehalfOf} title="代群众反映" aside={<Switch checked={draft.onBehalf ?? false} onChange={(onBehalf) => onChange({ onBehalf })} />}>
          <Text className="muted">替不方便使用手机的群众提交。您将收到办理进度，请及时转告她；她的姓名和电话只给办理人员看。</Text>
          {draft.onBehalf && (
            <View>
              <Input className="field-box" placeholder="群众姓名" maxlength={20} value={draft.residentName ?? ''} onInput={(e) => onChange({ residentName: e.detail.value })} />
              <Input className="field-box" type="number" placeholder="群众手机号（选填）" maxlength={11} value={draft.residentPhone ?? ''} onInput={(e) => onChange({ residentPhone: e.detail.value })} />
              {errors.onBehalfOf && <Text className="error-text">{errors.onBehalfOf}</Text>}
            </View>
          )}
        </Card>
      )}
      <Card id={sectionOf.kind} title="1. 您想">
        <Choices options={KIND_OPTIONS} value={draft.kind} onPick={(kind) => onChange({ kind })} />
        {errors.kind && <Text className="error-text">{errors.kind}</Text>}
      </Card>

      <Card id={sectionOf.category} title="2. 是哪方面的事">
        <Choices options={CATEGORY_OPTIONS} value={draft.category} onPick={(category) => onChange({ category })} />
        {errors.category && <Text className="error-text">{errors.category}</Text>}
        {draft.category === 'personal' && (
          <Text className="notice notice-danger">
            如果您正处在危险中，请立即拨打 <PhoneNumber number="110" /> 报警，或拨打 <PhoneNumber number="12338" /> 妇女维权热线（点号码即可拨打）。
          </Text>
        )}
        {sensitive && <Text className="notice">这类反映只有议事会主任和妇联干部能看到详细内容。</Text>}
      </Card>

      <Card id={sectionOf.villageId} title="3. 在哪个村（社区）">
        <VillagePicker
          value={draft.villageId ? { id: draft.villageId, name: draft.villageName ?? '' } : undefined}
          onChange={(village) => onChange({ villageId: village.id, villageName: village.name })}
          error={errors.villageId}
        />
      </Card>

      {/* Before she writes: the same problem may be here already (我也遇到). */}
      <SimilarCases villageId={draft.villageId} category={draft.category} />

      <Card id={sectionOf.title} title="4. 说说情况">
        <TextField
          value={draft.title}
          max={TITLE_MAX}
          placeholder="一句话标题，如：村口路灯坏了"
          error={errors.title}
          onChange={(title) => onChange({ title })}
        />
        <TextField
          multiline
          value={draft.content}
          max={CONTENT_MAX}
          placeholder="发生了什么、什么时候、希望怎么解决"
          error={errors.content}
          onChange={(content) => onChange({ content })}
        />
        <VoiceInput onSaid={(said) => onChange({ content: `${draft.content}${draft.content ? '，' : ''}${said}`.slice(0, CONTENT_MAX) })} />
      </Card>

      <Card id={sectionOf.photos} title="5. 照片（可不传，最多 9 张）">
        <PhotoPicker photos={draft.photos} onChange={(photos) => onChange({ photos })} />
        {errors.photos && <Text className="error-text">{errors.photos}</Text>}
      </Card>

      <Card
        id={sectionOf.phone}
        title="匿名反映"
        aside={<Switch checked={draft.anonymous} onChange={(anonymous) => onChange({ anonymous, ...(anonymous ? { phone: '' } : {}) })} />}
      >
        <Text className="muted">
          {draft.anonymous
            ? '已匿名：任何人都看不到是谁反映的，办理人员也无法联系您，进度请在“我的反映”里查看。'
            : '不匿名：办理的议事会主任和妇联干部可以看到您的电话，方便联系您；其他人看不到。'}
        </Text>
        {!draft.anonymous && (
          <View>
            <Input
              className={`field-box ${errors.phone ? 'field-error' : ''}`}
              type="number"
              placeholder="手机号（选填）"
              maxlength={11}
              value={draft.phone}
              onInput={(e) => onChange({ phone: e.detail.value })}
            />
            {errors.phone && <Text className="error-text">{errors.phone}</Text>}
          </View>
        )}
      </Card>
    </View>
  )
}
