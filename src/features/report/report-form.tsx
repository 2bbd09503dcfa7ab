/** The report form: what kind, what about, where, what happened, photos, anonymity, a phone. */
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { CONTENT_MAX, SENSITIVE_CATEGORIES, TITLE_MAX } from '../../../types'
import { CATEGORY_OPTIONS, KIND_OPTIONS } from './report-options'
import type { ReportDraft } from './report-draft'
import type { FieldErrors } from './validate-report'
import { VillagePicker } from './village-picker'
import { PhotoPicker } from './photo-picker'

interface Props {
  draft: ReportDraft
  errors: FieldErrors
  onChange: (patch: Partial<ReportDraft>) => void
  /** A council member may file for a resident who cannot herself. */
  canFileOnBehalf?: boolean
}

function Choices<T extends string>(props: {
  options: { value: T; label: string; hint: string }[]
  value?: T
  onPick: (value: T) => void
}) {
  return (
    <View>
      {props.options.map((option) => (
        <View
          key={option.value}
          className={`choice ${props.value === option.value ? 'choice-on' : ''}`}
          onClick={() => props.onPick(option.value)}
        >
          <Text className="choice-label">{option.label}</Text>
          <Text className="choice-hint">{option.hint}</Text>
        </View>
      ))}
    </View>
  )
}

export function ReportForm({ draft, errors, onChange, canFileOnBehalf }: Props) {
  const sensitive = draft.category !== undefined && SENSITIVE_CATEGORIES.includes(draft.category)
  return (
    <View>
      {canFileOnBehalf && (
        <View className="card">
          <View className="tap" style={{ justifyContent: 'space-between' }}>
            <Text className="section-title">代群众反映</Text>
            <Switch checked={draft.onBehalf ?? false} onChange={(onBehalf) => onChange({ onBehalf })} />
          </View>
          <Text className="muted">替不方便使用手机的群众提交。您将收到办理进度，请及时转告她；她的姓名和电话只给办理人员看。</Text>
          {draft.onBehalf && (
            <View>
              <Input className="field-box" placeholder="群众姓名" maxlength={20} value={draft.residentName ?? ''} onInput={(e) => onChange({ residentName: e.detail.value })} />
              <Input className="field-box" type="number" placeholder="群众手机号（选填）" maxlength={11} value={draft.residentPhone ?? ''} onInput={(e) => onChange({ residentPhone: e.detail.value })} />
              {errors.onBehalfOf && <Text className="error-text">{errors.onBehalfOf}</Text>}
            </View>
          )}
        </View>
      )}
      <View className="card">
        <Text className="section-title">1. 您想</Text>
        <Choices options={KIND_OPTIONS} value={draft.kind} onPick={(kind) => onChange({ kind })} />
        {errors.kind && <Text className="error-text">{errors.kind}</Text>}
      </View>

      <View className="card">
        <Text className="section-title">2. 是哪方面的事</Text>
        <Choices options={CATEGORY_OPTIONS} value={draft.category} onPick={(category) => onChange({ category })} />
        {errors.category && <Text className="error-text">{errors.category}</Text>}
        {draft.category === 'personal' && (
          <Text className="notice notice-danger">如果您正处在危险中，请立即拨打 110 报警，或拨打 12338 妇女维权热线。</Text>
        )}
        {sensitive && <Text className="notice">这类反映只有议事会主任和妇联干部能看到详细内容。</Text>}
      </View>

      <View className="card">
        <Text className="section-title">3. 在哪个村（社区）</Text>
        <VillagePicker
          value={draft.villageId ? { id: draft.villageId, name: draft.villageName ?? '' } : undefined}
          onChange={(village) => onChange({ villageId: village.id, villageName: village.name })}
          error={errors.villageId}
        />
      </View>

      <View className="card">
        <Text className="section-title">4. 说说情况</Text>
        <Input
          className={`field-box ${errors.title ? 'field-error' : ''}`}
          placeholder="一句话标题，如：村口路灯坏了"
          maxlength={TITLE_MAX}
          value={draft.title}
          onInput={(e) => onChange({ title: e.detail.value })}
        />
        <Text className="counter">
          {draft.title.length}/{TITLE_MAX}
        </Text>
        {errors.title && <Text className="error-text">{errors.title}</Text>}
        <Textarea
          className={`field-box textarea ${errors.content ? 'field-error' : ''}`}
          placeholder="发生了什么、什么时候、希望怎么解决"
          maxlength={CONTENT_MAX}
          value={draft.content}
          autoHeight
          onInput={(e) => onChange({ content: e.detail.value })}
        />
        <Text className="counter">
          {draft.content.length}/{CONTENT_MAX}
        </Text>
        {errors.content && <Text className="error-text">{errors.content}</Text>}
      </View>

      <View className="card">
        <Text className="section-title">5. 照片（可不传，最多 9 张）</Text>
        <PhotoPicker photos={draft.photos} onChange={(photos) => onChange({ photos })} />
        {errors.photos && <Text className="error-text">{errors.photos}</Text>}
      </View>

      <View className="card">
        <View className="tap" style={{ justifyContent: 'space-between' }}>
          <Text className="section-title">匿名反映</Text>
          <Switch checked={draft.anonymous} onChange={(anonymous) => onChange({ anonymous, ...(anonymous ? { phone: '' } : {}) })} />
        </View>
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
      </View>
    </View>
  )
}
