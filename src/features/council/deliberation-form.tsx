/**
 * 发起议事: what to decide, its background, 2–10 options, single or multiple choice, the deadline,
 * quorum and pass rule (the defaults of the council's rules unless changed), anonymous or not.
 */
import { Input, Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import {
  DELIBERATION_BACKGROUND_MAX,
  DELIBERATION_OPTION_MAX,
  DELIBERATION_OPTIONS_MAX,
  DELIBERATION_OPTIONS_MIN,
  DELIBERATION_TITLE_MAX,
  type RoleBinding,
} from '../../../types'
import { Choice } from '../../shared/choice'
import { Card } from '../../shared/card'
import { TextField } from '../../shared/text-field'
import type { DeliberationDraft, DraftErrors } from './validate-deliberation'
import { DeadlinePicker } from './deadline-picker'

/** A pass rule stricter than half: "two thirds or more" (an option passes with a share above 0.666). */
const TWO_THIRDS = 0.666

interface Props {
  draft: DeliberationDraft
  errors: DraftErrors
  councils: RoleBinding[]
  now: string
  /** Custom quorum as typed; undefined while the default applies. */
  quorumText?: string
  onQuorumText: (text: string | undefined) => void
  onChange: (patch: Partial<DeliberationDraft>) => void
}

export function DeliberationForm({ draft, errors, councils, now, quorumText, onQuorumText, onChange }: Props) {
  const { fields } = errors
  const setOption = (index: number, text: string) => onChange({ options: draft.options.map((o, i) => (i === index ? text : o)) })
  return (
    <View>
      {councils.length > 1 && (
        <Card title="哪个议事会议事">
          {councils.map((c) => (
            <Choice key={c.orgId} on={draft.orgId === c.orgId} label={`${c.orgName}议事会`} onPick={() => onChange({ orgId: c.orgId })} />
          ))}
          {fields.orgId && <Text className="error-text">{fields.orgId}</Text>}
        </Card>
      )}

      <Card title="1. 商量什么事">
        <TextField
          value={draft.title}
          max={DELIBERATION_TITLE_MAX}
          placeholder="议题：一句话说明要决定什么"
          error={fields.title}
          onChange={(title) => onChange({ title })}
        />
        <TextField
          multiline
          value={draft.background}
          max={DELIBERATION_BACKGROUND_MAX}
          placeholder="背景：事情经过、各方意见、需要大家决定什么"
          error={fields.background}
          onChange={(background) => onChange({ background })}
        />
      </Card>

      <Card title={`2. 表决选项（${DELIBERATION_OPTIONS_MIN}–${DELIBERATION_OPTIONS_MAX} 个）`}>
        {draft.options.map((option, index) => (
          <View key={index} className="council-option-row">
            <View className="council-option-line">
              <Input
                className={`field-box council-option-input ${errors.options[index] ? 'field-error' : ''}`}
                placeholder={`第 ${index + 1} 个选项`}
                maxlength={DELIBERATION_OPTION_MAX}
                value={option}
                onInput={(e) => setOption(index, e.detail.value)}
              />
              {draft.options.length > DELIBERATION_OPTIONS_MIN && (
                <View
                  className="tap council-option-remove"
                  onClick={() => onChange({ options: draft.options.filter((_, i) => i !== index) })}
                >
                  <Text>删除</Text>
                </View>
              )}
            </View>
            {errors.options[index] && <Text className="error-text">{errors.options[index]}</Text>}
          </View>
        ))}
        {draft.options.length < DELIBERATION_OPTIONS_MAX && (
          <View className="tap council-option-add" onClick={() => onChange({ options: [...draft.options, ''] })}>
            <Text>＋ 添加选项</Text>
          </View>
        )}
        {fields.options && <Text className="error-text">{fields.options}</Text>}
        <View className="button-row council-kind">
          <Choice on={!draft.multiple} label="单选" hint="每人选一项" className="row-choice" onPick={() => onChange({ multiple: false })} />
          <Choice on={draft.multiple} label="多选" hint="每人可选几项" className="row-choice" onPick={() => onChange({ multiple: true })} />
        </View>
      </Card>

      <Card title="3. 截止时间">
        <DeadlinePicker value={draft.closesAt} now={now} error={fields.closesAt} onChange={(closesAt) => onChange({ closesAt })} />
        <Text className="muted council-line">截止前一天会提醒还没投票的成员。到时间自动计票，主任也可以提前关闭。</Text>
      </Card>

      <Card title="4. 表决规则">
        <Text className="council-subtitle">法定人数（至少多少人投票才有效）</Text>
        <Choice
          on={quorumText === undefined}
          label="默认：三分之二的成员"
          hint="按议事会成员人数自动计算，向上取整"
          onPick={() => onQuorumText(undefined)}
        />
        <Choice on={quorumText !== undefined} label="自定义人数" onPick={() => onQuorumText(quorumText ?? '')} />
        {quorumText !== undefined && (
          <Input
            className={`field-box ${fields.quorum ? 'field-error' : ''}`}
            type="number"
            placeholder="至少投票人数，如 4"
            maxlength={4}
            value={quorumText}
            onInput={(e) => onQuorumText(e.detail.value)}
          />
        )}
        {fields.quorum && <Text className="error-text">{fields.quorum}</Text>}
        <Text className="council-subtitle">通过规则（某一选项得票占投票人数）</Text>
        <Choice
          on={draft.passRatio === undefined}
          label="默认：超过半数"
          hint="得票超过投票人数一半的选项通过"
          onPick={() => onChange({ passRatio: undefined })}
        />
        <Choice
          on={draft.passRatio === TWO_THIRDS}
          label="三分之二以上"
          hint="重大事项：得票达到投票人数三分之二的选项通过"
          onPick={() => onChange({ passRatio: TWO_THIRDS })}
        />
        {fields.passRatio && <Text className="error-text">{fields.passRatio}</Text>}
      </Card>

      <Card title="匿名表决" aside={<Switch checked={draft.anonymous} onChange={(anonymous) => onChange({ anonymous })} />}>
        <Text className="muted">
          {draft.anonymous
            ? '匿名：谁投了哪一项，任何人都看不到（主任只能看到谁已投票，方便提醒）。'
            : '记名：投票后，成员可以看到每个人投了哪一项。'}
        </Text>
      </Card>
    </View>
  )
}
