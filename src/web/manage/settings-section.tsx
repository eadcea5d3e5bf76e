/**
 * Cài đặt: the centre's identity (PUT /manage/centre) and its runtime settings (PUT
 * /manage/settings): queue fairness, no-show tolerance, the board's voice, the rating scale and
 * the slip. Only an administrator may change them; a manager sees them read-only.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../contracts/api';
import { api } from '../shared/api';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import { announce, hasVoice } from '../shared/speech';
import { COMMON, hintText, REPORTS_AS_LABELS } from './manage-text';
import type { SectionProps } from './section-props';
import {
  centreToDraft,
  draftToCentreInput,
  criterionDrafts,
  DEFAULT_CRITERIA,
  draftToSettings,
  neutralOption,
  newCriterion,
  newRatingOption,
  REPORTS_AS,
  scalePreset,
  settingsToDraft,
  type CentreDraft,
  type CentreHints,
  type CriterionDraft,
  type RatingOptionDraft,
  type SettingsDraft,
  type SettingsHints,
} from './settings-form';
import { CheckField, FormFooter, Notice, SelectField, TextArea, TextField, useAction } from './ui';

const TEXT: Dictionary<
  | 'centreTitle'
  | 'centreName'
  | 'centreShort'
  | 'centreShortHelp'
  | 'centreCode'
  | 'centreCodeHelp'
  | 'centreAddress'
  | 'centreSaved'
  | 'queueTitle'
  | 'quota'
  | 'quotaHelp'
  | 'transferKeeps'
  | 'transferHelp'
  | 'tolerance'
  | 'toleranceHelp'
  | 'boardTitle'
  | 'repeat'
  | 'repeatOnce'
  | 'repeatN'
  | 'slideQuiet'
  | 'slideQuietHelp'
  | 'slideWhileWaiting'
  | 'slideWhileWaitingHelp'
  | 'rate'
  | 'rateHelp'
  | 'listen'
  | 'sample'
  | 'noVoice'
  | 'ratingTitle'
  | 'ratingIntro'
  | 'preset3'
  | 'preset5'
  | 'value'
  | 'labelVi'
  | 'labelEn'
  | 'reportsAs'
  | 'addOption'
  | 'removeOption'
  | 'ratingTimeout'
  | 'ratingTimeoutHelp'
  | 'neutralAs'
  | 'neutralAsHelp'
  | 'criteriaTitle'
  | 'criteriaIntro'
  | 'criterionKey'
  | 'criterionVi'
  | 'criterionEn'
  | 'addCriterion'
  | 'removeCriterion'
  | 'defaultCriteria'
  | 'slipTitle'
  | 'footer'
  | 'footerHelp'
  | 'baseUrl'
  | 'baseUrlHelp'
  | 'settingsSaved'
  | 'fixHints'
  | 'saveCentre'
  | 'saveSettings'
> = {
  vi: {
    centreTitle: 'Thông tin trung tâm',
    centreName: 'Tên đầy đủ',
    centreShort: 'Tên ngắn',
    centreShortHelp: 'In trên phiếu và hiện trên màn hình, ví dụ "TTPVHCC phường Hà Đông".',
    centreCode: 'Mã đơn vị',
    centreCodeHelp: 'Mã định danh của cơ quan (ví dụ 000.00.16.H26).',
    centreAddress: 'Địa chỉ',
    centreSaved: 'Đã lưu thông tin trung tâm.',
    queueTitle: 'Hàng đợi',
    quota: 'Hạn mức công bằng (số ưu tiên liên tiếp)',
    quotaHelp:
      'Một quầy gọi tối đa k số ưu tiên liên tiếp, sau đó phải gọi một số thường nếu có người đang chờ — người thường có thể phải chờ lâu hơn nhưng không bị bỏ quên. Từ 1 đến 20.',
    transferKeeps: 'Chuyển quầy/lĩnh vực vẫn giữ thời điểm lấy số',
    transferHelp: 'Có: công dân được chuyển xếp theo giờ lấy số ban đầu (không phải chờ lại từ đầu). Không: xếp cuối hàng mới.',
    tolerance: 'Thời gian gọi lại số vắng mặt (phút)',
    toleranceHelp: 'Trong khoảng này cán bộ còn kích hoạt lại được số đã đánh dấu vắng mặt. 0 đến 480.',
    boardTitle: 'Màn hình và loa gọi số',
    repeat: 'Số lần đọc mỗi lượt gọi',
    repeatOnce: '1 lần',
    repeatN: '{n} lần',
    slideQuiet: 'Trình chiếu kết quả công khai sau (phút không gọi số)',
    slideQuietHelp: 'Màn hình sảnh hiện tỷ lệ đúng hạn, tỷ lệ hài lòng và thủ tục được cắt giảm thời gian khi sảnh vắng; số gọi mới hiện lại ngay. 0: không trình chiếu.',
    slideWhileWaiting: 'Trình chiếu cả khi còn người chờ',
    slideWhileWaitingHelp: 'Không: chỉ trình chiếu khi không còn ai chờ.',
    rate: 'Tốc độ đọc',
    rateHelp: '0,5 (chậm) đến 2 (nhanh); 0,9 dễ nghe trong sảnh đông.',
    listen: 'Nghe thử',
    sample: 'Mời công dân có số, 1, 0, 0, 1, đến quầy số 1',
    noVoice: 'Trình duyệt này không có giọng đọc tiếng Việt; hãy nghe thử trên máy chạy màn hình gọi số.',
    ratingTitle: 'Đánh giá mức độ hài lòng',
    ratingIntro:
      'Các mức hiện trên màn hình đánh giá, mức tốt nhất trước. Cột "Tính trong báo cáo" quy đổi về thang 3 mức dùng trong báo cáo: Rất hài lòng / Hài lòng / Không hài lòng.',
    preset3: 'Dùng mẫu 3 mức (Rất hài lòng / Hài lòng / Không hài lòng)',
    preset5: 'Dùng mẫu 5 mức',
    value: 'Giá trị',
    labelVi: 'Nhãn tiếng Việt',
    labelEn: 'Nhãn tiếng Anh',
    reportsAs: 'Tính trong báo cáo',
    addOption: 'Thêm mức',
    removeOption: 'Xóa mức {n}',
    ratingTimeout: 'Thời gian chờ đánh giá (giây)',
    ratingTimeoutHelp: 'Sau khi phục vụ xong, màn hình đánh giá chờ trong bao lâu. 10 đến 600.',
    neutralAs: 'Mức "Bình thường" tính trong báo cáo là',
    neutralAsHelp: 'Thang 5 mức quy về 3 mức khi báo cáo; trung tâm quyết định "Bình thường" là hài lòng hay không hài lòng.',
    criteriaTitle: 'Tiêu chí đánh giá hồ sơ',
    criteriaIntro:
      'Khi trả kết quả (và qua mã QR), công dân đánh giá chung hồ sơ rồi có thể trả lời thêm từng tiêu chí dưới đây theo cùng thang trên; mỗi tiêu chí không bắt buộc. Tối đa 12 tiêu chí. Mã tiêu chí được lưu cùng câu trả lời: đừng đổi mã khi đã có đánh giá.',
    criterionKey: 'Mã tiêu chí',
    criterionVi: 'Tên tiếng Việt',
    criterionEn: 'Tên tiếng Anh',
    addCriterion: 'Thêm tiêu chí',
    removeCriterion: 'Xóa tiêu chí {n}',
    defaultCriteria: 'Dùng 4 tiêu chí mặc định',
    slipTitle: 'Phiếu số thứ tự',
    footer: 'Dòng cuối phiếu',
    footerHelp: 'Tối đa 4 dòng, mỗi dòng tối đa 120 ký tự.',
    baseUrl: 'Địa chỉ truy cập cho mã QR',
    baseUrlHelp: 'Địa chỉ điện thoại của công dân mở được, ví dụ http://192.168.1.10:3000. Để trống: dùng địa chỉ máy lấy số đang dùng.',
    settingsSaved: 'Đã lưu cài đặt. Các màn hình trong sảnh tự cập nhật.',
    fixHints: 'Có mục chưa hợp lệ, xem các dòng đánh dấu đỏ.',
    saveCentre: 'Lưu thông tin trung tâm',
    saveSettings: 'Lưu cài đặt',
  },
  en: {
    centreTitle: 'Centre',
    centreName: 'Full name',
    centreShort: 'Short name',
    centreShortHelp: 'Printed on slips and shown on screens, e.g. "TTPVHCC phường Hà Đông".',
    centreCode: 'Unit code',
    centreCodeHelp: 'The agency’s identifier (e.g. 000.00.16.H26).',
    centreAddress: 'Address',
    centreSaved: 'Centre saved.',
    queueTitle: 'Queue',
    quota: 'Fairness quota (priority calls in a row)',
    quotaHelp:
      'A counter calls at most k priority tickets in a row, then must call a normal ticket if one is waiting — normal tickets may wait longer but are never starved. 1 to 20.',
    transferKeeps: 'A transfer keeps the original arrival time',
    transferHelp: 'Yes: a transferred citizen is ranked by the time they took the number. No: they join the end of the new queue.',
    tolerance: 'No-show re-activation window (minutes)',
    toleranceHelp: 'During this time an officer can still re-activate a ticket marked as no-show. 0 to 480.',
    boardTitle: 'Display board and voice',
    repeat: 'Times each call is spoken',
    repeatOnce: 'once',
    repeatN: '{n} times',
    slideQuiet: 'Show the published results after (minutes without a call)',
    slideQuietHelp: 'The hall board shows the on-time rate, satisfaction and shortened procedure times when the hall is quiet; the next call replaces it at once. 0: never.',
    slideWhileWaiting: 'Show them even while people wait',
    slideWhileWaitingHelp: 'No: only when nobody is waiting.',
    rate: 'Speech rate',
    rateHelp: '0.5 (slow) to 2 (fast); 0.9 is easy to follow in a busy hall.',
    listen: 'Listen',
    sample: 'Number, 1, 0, 0, 1, please go to counter 1',
    noVoice: 'This browser has no Vietnamese voice; try it on the computer that runs the display board.',
    ratingTitle: 'Satisfaction rating',
    ratingIntro:
      'Options shown on the rating screen, best first. "Counts in reports as" maps each option to the 3-level scale of the reports: very satisfied / satisfied / dissatisfied.',
    preset3: 'Use the 3-level preset (Rất hài lòng / Hài lòng / Không hài lòng)',
    preset5: 'Use the 5-level preset',
    value: 'Value',
    labelVi: 'Vietnamese label',
    labelEn: 'English label',
    reportsAs: 'Counts in reports as',
    addOption: 'Add option',
    removeOption: 'Remove option {n}',
    ratingTimeout: 'Rating timeout (seconds)',
    ratingTimeoutHelp: 'How long the rating screen waits after a service ends. 10 to 600.',
    neutralAs: '"Bình thường" (neutral) counts in reports as',
    neutralAsHelp: 'A 5-level scale maps to 3 levels in reports; the centre decides whether neutral counts as satisfied or dissatisfied.',
    criteriaTitle: 'Dossier rating criteria',
    criteriaIntro:
      'When the result is returned (and through the QR code) citizens rate the dossier overall, then may answer each criterion below on the same scale; every criterion is optional. At most 12. The key is stored with the answers: do not change it once ratings use it.',
    criterionKey: 'Key',
    criterionVi: 'Vietnamese name',
    criterionEn: 'English name',
    addCriterion: 'Add criterion',
    removeCriterion: 'Remove criterion {n}',
    defaultCriteria: 'Use the 4 default criteria',
    slipTitle: 'Ticket slip',
    footer: 'Footer lines',
    footerHelp: 'At most 4 lines of at most 120 characters.',
    baseUrl: 'Address for the QR code',
    baseUrlHelp: 'An address citizens’ phones can open, e.g. http://192.168.1.10:3000. Empty: the address the kiosk uses.',
    settingsSaved: 'Settings saved. Screens in the hall update themselves.',
    fixHints: 'Some values are not valid; see the fields marked in red.',
    saveCentre: 'Save centre',
    saveSettings: 'Save settings',
  },
};

export function SettingsSection({ info, isAdmin, hall }: SectionProps) {
  const common = useText(COMMON);
  return (
    <div className="m-stack">
      {!isAdmin && <Notice kind="info">{common.readOnlyManager}</Notice>}
      <CentreCard info={info} isAdmin={isAdmin} onSaved={hall.reload} />
      <SettingsCard settings={info.settings} isAdmin={isAdmin} onSaved={hall.reload} />
    </div>
  );
}

function CentreCard({ info, isAdmin, onSaved }: { info: SectionProps['info']; isAdmin: boolean; onSaved(): Promise<void> }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const [draft, setDraft] = useState<CentreDraft>(() => centreToDraft(info.centre));
  const [hints, setHints] = useState<CentreHints>({});
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const set = (key: keyof CentreDraft, value: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = draftToCentreInput(draft);
    if (!result.ok) {
      setHints(result.hints);
      return;
    }
    setHints({});
    const ok = await run(async () => {
      await api('PUT', '/api/v1/manage/centre', result.input);
    });
    if (ok) {
      setSaved(true);
      await onSaved();
    }
  };

  return (
    <section className="m-card" aria-labelledby="m-centre">
      <h2 id="m-centre">{text.centreTitle}</h2>
      <form className="m-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="m-centre">
        <fieldset disabled={!isAdmin} className="m-plain">
          <div className="m-grid m-grid-2">
            <TextField label={text.centreName} value={draft.name} onChange={(e) => set('name', e.target.value)} hint={hintText(hints.name, lang)} />
            <TextField
              label={text.centreShort}
              value={draft.shortName}
              onChange={(e) => set('shortName', e.target.value)}
              hint={hintText(hints.shortName, lang)}
              help={text.centreShortHelp}
            />
            <TextField
              label={text.centreCode}
              value={draft.code}
              onChange={(e) => set('code', e.target.value)}
              hint={hintText(hints.code, lang)}
              help={text.centreCodeHelp}
            />
            <TextField label={text.centreAddress} value={draft.address} onChange={(e) => set('address', e.target.value)} hint={hintText(hints.address, lang)} />
          </div>
        </fieldset>
        {isAdmin && <FormFooter busy={busy} error={error} saveLabel={text.saveCentre} />}
        {saved && <Notice>{text.centreSaved}</Notice>}
      </form>
    </section>
  );
}

function SettingsCard({ settings, isAdmin, onSaved }: { settings: Settings; isAdmin: boolean; onSaved(): Promise<void> }) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsToDraft(settings));
  const [hints, setHints] = useState<SettingsHints>({});
  const [saved, setSaved] = useState(false);
  const [voice, setVoice] = useState(true);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    if (!('speechSynthesis' in window)) {
      setVoice(false);
      return;
    }
    const check = () => setVoice(hasVoice('vi'));
    check();
    speechSynthesis.addEventListener('voiceschanged', check);
    return () => speechSynthesis.removeEventListener('voiceschanged', check);
  }, []);

  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const setOption = (index: number, change: Partial<RatingOptionDraft>) =>
    set(
      'ratingScale',
      draft.ratingScale.map((o, i) => (i === index ? { ...o, ...change } : o)),
    );

  const setCriterion = (index: number, change: Partial<CriterionDraft>) =>
    set(
      'ratingCriteria',
      draft.ratingCriteria.map((c, i) => (i === index ? { ...c, ...change } : c)),
    );
  const neutral = neutralOption(draft.ratingScale);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = draftToSettings(draft);
    if (!result.ok) {
      setHints(result.hints);
      setError(text.fixHints);
      return;
    }
    setHints({});
    const ok = await run(async () => {
      const next = await api<Settings>('PUT', '/api/v1/manage/settings', result.settings);
      setDraft(settingsToDraft(next));
    });
    if (ok) {
      setSaved(true);
      await onSaved();
    }
  };

  const listen = () => {
    const rate = Number(draft.speechRate.replace(',', '.'));
    announce(text.sample, { lang, rate: rate >= 0.5 && rate <= 2 ? rate : 1, repeat: 1 });
  };

  const h = (key: Exclude<keyof SettingsHints, 'options' | 'criteria'>) => hintText(hints[key], lang);

  return (
    <form className="m-stack" onSubmit={(e) => void submit(e)} noValidate aria-label={lang === 'vi' ? 'Cài đặt' : 'Settings'}>
      <fieldset disabled={!isAdmin} className="m-plain m-stack">
        <section className="m-card" aria-labelledby="m-queue">
          <h2 id="m-queue">{text.queueTitle}</h2>
          <div className="m-grid m-grid-2">
            <TextField
              label={text.quota}
              inputMode="numeric"
              value={draft.fairnessQuota}
              onChange={(e) => set('fairnessQuota', e.target.value)}
              hint={h('fairnessQuota')}
              help={text.quotaHelp}
            />
            <TextField
              label={text.tolerance}
              inputMode="numeric"
              value={draft.noShowToleranceMinutes}
              onChange={(e) => set('noShowToleranceMinutes', e.target.value)}
              hint={h('noShowToleranceMinutes')}
              help={text.toleranceHelp}
            />
            <CheckField
              label={text.transferKeeps}
              checked={draft.transferKeepsArrivalTime}
              onChange={(v) => set('transferKeepsArrivalTime', v)}
              help={text.transferHelp}
            />
          </div>
        </section>

        <section className="m-card" aria-labelledby="m-board">
          <h2 id="m-board">{text.boardTitle}</h2>
          <div className="m-grid m-grid-3">
            <SelectField
              label={text.repeat}
              value={draft.announceRepeat}
              onChange={(e) => set('announceRepeat', e.target.value)}
              hint={h('announceRepeat')}
              options={['1', '2', '3'].map((n) => ({ value: n, label: n === '1' ? text.repeatOnce : fill(text.repeatN, { n }) }))}
            />
            <div className="m-row">
              <label htmlFor="m-rate">{text.rate}</label>
              <div className="m-rate">
                <input
                  id="m-rate-range"
                  type="range"
                  min={0.5}
                  max={2}
                  step={0.1}
                  value={Number(draft.speechRate.replace(',', '.')) || 1}
                  onChange={(e) => set('speechRate', e.target.value)}
                  aria-label={text.rate}
                />
                <input
                  id="m-rate"
                  className="m-rate-number"
                  inputMode="decimal"
                  value={draft.speechRate}
                  onChange={(e) => set('speechRate', e.target.value)}
                  aria-describedby="m-rate-help"
                  aria-invalid={h('speechRate') ? true : undefined}
                />
              </div>
              <span className="m-help" id="m-rate-help">
                {text.rateHelp}
              </span>
              {h('speechRate') && <span className="m-hint">{h('speechRate')}</span>}
            </div>
            <div className="m-row">
              <span className="m-label-spacer" aria-hidden="true">
                &nbsp;
              </span>
              <button type="button" onClick={listen}>
                ▶ {text.listen}
              </button>
              {!voice && <span className="m-warn-text">{text.noVoice}</span>}
            </div>
            <TextField
              label={text.slideQuiet}
              inputMode="numeric"
              value={draft.resultsSlideQuietMinutes}
              onChange={(e) => set('resultsSlideQuietMinutes', e.target.value)}
              hint={h('resultsSlideQuietMinutes')}
              help={text.slideQuietHelp}
            />
            <CheckField
              label={text.slideWhileWaiting}
              checked={draft.resultsSlideWhileWaiting}
              onChange={(v) => set('resultsSlideWhileWaiting', v)}
              help={text.slideWhileWaitingHelp}
            />
          </div>
        </section>

        <section className="m-card" aria-labelledby="m-rating">
          <h2 id="m-rating">{text.ratingTitle}</h2>
          <p className="m-muted">{text.ratingIntro}</p>
          <div className="m-buttons">
            <button type="button" onClick={() => set('ratingScale', scalePreset(3))}>
              {text.preset3}
            </button>
            <button type="button" onClick={() => set('ratingScale', scalePreset(5))}>
              {text.preset5}
            </button>
          </div>
          <table className="m-table m-compact m-scale" data-testid="rating-scale">
            <thead>
              <tr>
                <th scope="col">{text.value}</th>
                <th scope="col">{text.labelVi}</th>
                <th scope="col">{text.labelEn}</th>
                <th scope="col">{text.reportsAs}</th>
                <th scope="col">
                  <span className="visually-hidden">{common.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.ratingScale.map((o, i) => {
                const problem = hints.options?.get(i);
                return (
                  <tr key={o.key} className={problem ? 'm-invalid' : undefined}>
                    <td>
                      <select value={o.value} onChange={(e) => setOption(i, { value: e.target.value })} aria-label={`${text.value} ${i + 1}`}>
                        {['5', '4', '3', '2', '1'].map((v) => (
                          <option key={v} value={v}>
                            {v}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input value={o.labelVi} maxLength={60} onChange={(e) => setOption(i, { labelVi: e.target.value })} aria-label={`${text.labelVi} ${i + 1}`} />
                    </td>
                    <td>
                      <input value={o.labelEn} maxLength={60} onChange={(e) => setOption(i, { labelEn: e.target.value })} aria-label={`${text.labelEn} ${i + 1}`} />
                    </td>
                    <td>
                      <select
                        value={o.reportsAs}
                        onChange={(e) => setOption(i, { reportsAs: e.target.value as RatingOptionDraft['reportsAs'] })}
                        aria-label={`${text.reportsAs} ${i + 1}`}
                      >
                        {REPORTS_AS.map((r) => (
                          <option key={r} value={r}>
                            {REPORTS_AS_LABELS[r][lang]}
                          </option>
                        ))}
                      </select>
                      {problem && <span className="m-hint">{hintText(problem, lang)}</span>}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="m-icon-button"
                        disabled={draft.ratingScale.length <= 2}
                        onClick={() => set('ratingScale', draft.ratingScale.filter((_, j) => j !== i))}
                        aria-label={fill(text.removeOption, { n: i + 1 })}
                        title={fill(text.removeOption, { n: i + 1 })}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {h('ratingScale') && <p className="m-hint">{h('ratingScale')}</p>}
          {neutral && (
            <div className="m-grid m-grid-2">
              <SelectField
                label={text.neutralAs}
                value={neutral.reportsAs}
                onChange={(e) =>
                  set(
                    'ratingScale',
                    draft.ratingScale.map((o) => (o.key === neutral.key ? { ...o, reportsAs: e.target.value as RatingOptionDraft['reportsAs'] } : o)),
                  )
                }
                options={(['satisfied', 'dissatisfied'] as const).map((r) => ({ value: r, label: REPORTS_AS_LABELS[r][lang] }))}
                help={text.neutralAsHelp}
                data-testid="neutral-as"
              />
            </div>
          )}
          <div className="m-grid m-grid-3">
            <div className="m-row">
              <span className="m-label-spacer" aria-hidden="true">
                &nbsp;
              </span>
              <button
                type="button"
                disabled={draft.ratingScale.length >= 5}
                onClick={() => set('ratingScale', [...draft.ratingScale, newRatingOption(draft.ratingScale)])}
              >
                + {text.addOption}
              </button>
            </div>
            <TextField
              label={text.ratingTimeout}
              inputMode="numeric"
              value={draft.ratingTimeoutSeconds}
              onChange={(e) => set('ratingTimeoutSeconds', e.target.value)}
              hint={h('ratingTimeoutSeconds')}
              help={text.ratingTimeoutHelp}
            />
          </div>
        </section>

        <section className="m-card" aria-labelledby="m-criteria">
          <h2 id="m-criteria">{text.criteriaTitle}</h2>
          <p className="m-muted">{text.criteriaIntro}</p>
          <table className="m-table m-compact m-scale" data-testid="rating-criteria">
            <thead>
              <tr>
                <th scope="col">{text.criterionKey}</th>
                <th scope="col">{text.criterionVi}</th>
                <th scope="col">{text.criterionEn}</th>
                <th scope="col">
                  <span className="visually-hidden">{common.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.ratingCriteria.map((c, i) => {
                const problem = hints.criteria?.get(i);
                return (
                  <tr key={c.rowKey} className={problem ? 'm-invalid' : undefined}>
                    <td>
                      <input value={c.code} maxLength={40} onChange={(e) => setCriterion(i, { code: e.target.value })} aria-label={`${text.criterionKey} ${i + 1}`} />
                    </td>
                    <td>
                      <input value={c.labelVi} maxLength={120} onChange={(e) => setCriterion(i, { labelVi: e.target.value })} aria-label={`${text.criterionVi} ${i + 1}`} />
                    </td>
                    <td>
                      <input value={c.labelEn} maxLength={120} onChange={(e) => setCriterion(i, { labelEn: e.target.value })} aria-label={`${text.criterionEn} ${i + 1}`} />
                      {problem && <span className="m-hint">{hintText(problem, lang)}</span>}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="m-icon-button"
                        onClick={() => set('ratingCriteria', draft.ratingCriteria.filter((_, j) => j !== i))}
                        aria-label={fill(text.removeCriterion, { n: i + 1 })}
                        title={fill(text.removeCriterion, { n: i + 1 })}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {h('ratingCriteria') && <p className="m-hint">{h('ratingCriteria')}</p>}
          <div className="m-buttons">
            <button
              type="button"
              disabled={draft.ratingCriteria.length >= 12}
              onClick={() => set('ratingCriteria', [...draft.ratingCriteria, newCriterion(draft.ratingCriteria)])}
            >
              + {text.addCriterion}
            </button>
            <button type="button" onClick={() => set('ratingCriteria', criterionDrafts(DEFAULT_CRITERIA))}>
              {text.defaultCriteria}
            </button>
          </div>
        </section>

        <section className="m-card" aria-labelledby="m-slip">
          <h2 id="m-slip">{text.slipTitle}</h2>
          <div className="m-grid m-grid-2">
            <TextArea label={text.footer} rows={4} value={draft.slipFooter} onChange={(e) => set('slipFooter', e.target.value)} hint={h('slipFooter')} help={text.footerHelp} />
            <TextField
              label={text.baseUrl}
              value={draft.publicBaseUrl}
              onChange={(e) => set('publicBaseUrl', e.target.value)}
              hint={h('publicBaseUrl')}
              help={text.baseUrlHelp}
              placeholder="http://192.168.1.10:3000"
              inputMode="url"
            />
          </div>
        </section>
      </fieldset>
      {isAdmin && (
        <div className="m-card m-sticky-foot">
          <FormFooter busy={busy} error={error} saveLabel={text.saveSettings} />
          {saved && <Notice>{text.settingsSaved}</Notice>}
        </div>
      )}
    </form>
  );
}
