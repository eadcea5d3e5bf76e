/**
 * "Thông tin trên biểu mẫu và mã hồ sơ", at the top of the catalogue section: the agency code the
 * dossier codes start with, their format, and what the printed forms say above the title and on the
 * date line. Read with the centre (GET /centre → settings), saved with PUT /manage/settings; the
 * server lets only an administrator change settings, so a manager sees them read-only.
 */
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../contracts/api';
import { api } from '../shared/api';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import {
  AGENCY_CODE_MAX,
  DOSSIER_CODE_FORMATS,
  dossierSettingsToDraft,
  draftToDossierSettings,
  formDateLine,
  PARENT_AGENCY_MAX,
  PLACE_NAME_MAX,
  previewDossierCode,
  type DossierSettingsDraft,
  type DossierSettingsHintCode,
  type DossierSettingsHints,
} from './dossier-settings-form';
import { hallDay } from './format';
import { COMMON } from './manage-text';
import type { SectionProps } from './section-props';
import { CheckField, FormFooter, Notice, SelectField, TextField, useAction } from './ui';

const TEXT: Dictionary<
  | DossierSettingsHintCode
  | 'title'
  | 'intro'
  | 'agencyCode'
  | 'agencyHelp'
  | 'format'
  | 'preview'
  | 'noPreview'
  | 'parentAgency'
  | 'parentHelp'
  | 'place'
  | 'placeHelp'
  | 'save'
  | 'saved'
  | 'fixHints'
  | 'apology'
  | 'apologyHelp'
> = {
  vi: {
    title: 'Thông tin trên biểu mẫu và mã hồ sơ',
    intro: 'Dùng khi cấp mã hồ sơ và in Giấy tiếp nhận, Phiếu kiểm soát; hồ sơ đã tiếp nhận giữ nguyên mã đã cấp.',
    agencyCode: 'Mã cơ quan tiếp nhận (QCVN 102:2016)',
    agencyHelp: 'Đứng đầu mã hồ sơ, ví dụ 000.00.16.H26. Chỉ gồm chữ in hoa A–Z, chữ số và dấu chấm, tối đa {max} ký tự. Để trống: dùng mã trung tâm ({centre}).',
    format: 'Định dạng mã hồ sơ',
    preview: 'Hồ sơ đầu tiên tiếp nhận hôm nay sẽ có mã: {code}',
    noPreview: 'Mã trung tâm "{centre}" không dùng được trong mã hồ sơ: hãy nhập mã cơ quan.',
    parentAgency: 'Cơ quan chủ quản (in ở góc trên bên trái biểu mẫu)',
    parentHelp: 'Ví dụ: ỦY BAN NHÂN DÂN PHƯỜNG HÀ ĐÔNG. Tối đa {max} ký tự.',
    place: 'Địa danh trên dòng ngày tháng',
    placeHelp: 'Biểu mẫu in: "{line}".',
    save: 'Lưu thông tin',
    saved: 'Đã lưu thông tin trên biểu mẫu và mã hồ sơ.',
    fixHints: 'Vui lòng sửa các ô được đánh dấu đỏ.',
    apology: 'Hồ sơ có thư xin lỗi được tính là quá hạn trong thống kê',
    apologyHelp:
      'Chính sách riêng của địa phương. Bỏ chọn (mặc định): theo công thức 766, hồ sơ được so với ngày hẹn ban đầu (chỉ lùi theo thời gian chờ bổ sung); thư xin lỗi không làm hồ sơ quá hạn. Áp dụng cho Sổ theo dõi, Chỉ số hồ sơ, Chỉ số 766 và danh sách hồ sơ.',
    'agency-chars': 'Chỉ dùng chữ in hoa A–Z, chữ số và dấu chấm, ví dụ 000.00.16.H26.',
    'agency-edge-dot': 'Mã cơ quan không được bắt đầu hay kết thúc bằng dấu chấm.',
    'too-long': 'Quá dài.',
    required: 'Vui lòng nhập.',
  },
  en: {
    title: 'Forms and dossier codes',
    intro: 'Used when dossier codes are issued and the receipt and control slips are printed; dossiers already received keep their codes.',
    agencyCode: 'Receiving agency code (QCVN 102:2016)',
    agencyHelp: 'Starts every dossier code, e.g. 000.00.16.H26. Capital letters A–Z, digits and dots, at most {max} characters. Empty: the centre code ({centre}).',
    format: 'Dossier code format',
    preview: "Today's first dossier will get the code: {code}",
    noPreview: 'The centre code "{centre}" cannot go into a dossier code: enter an agency code.',
    parentAgency: 'Parent agency (printed at the top left of the forms)',
    parentHelp: 'E.g. ỦY BAN NHÂN DÂN PHƯỜNG HÀ ĐÔNG. At most {max} characters.',
    place: "Place on the forms' date line",
    placeHelp: 'The forms print: "{line}".',
    save: 'Save',
    saved: 'Forms and dossier code settings saved.',
    fixHints: 'Please correct the fields marked in red.',
    apology: 'A dossier with an apology letter counts as late in the statistics',
    apologyHelp:
      'A local policy. Unticked (default): as in the 766 formula, a dossier is judged against its original appointment (moved only by supplement pauses); an apology does not make it late. Applies to the tracking book, the dossier KPIs, the 766 indicators and the dossier lists.',
    'agency-chars': 'Capital letters A–Z, digits and dots only, e.g. 000.00.16.H26.',
    'agency-edge-dot': 'The agency code cannot start or end with a dot.',
    'too-long': 'Too long.',
    required: 'Required.',
  },
};

export function DossierSettingsCard({ info, isAdmin, hall }: SectionProps) {
  const text = useText(TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [draft, setDraft] = useState<DossierSettingsDraft>(() => dossierSettingsToDraft(info.settings));
  const [hints, setHints] = useState<DossierSettingsHints>({});
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, run } = useAction();

  const today = hallDay(info.serverTime);
  const centreCode = info.centre.code;
  const preview = previewDossierCode(draft, centreCode, today);
  const hint = (key: keyof DossierSettingsHints) => (hints[key] ? text[hints[key]] : null);
  const update = (patch: Partial<DossierSettingsDraft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };

  // An unknown format (set by a newer server, say) stays selectable rather than silently replaced.
  const formats = DOSSIER_CODE_FORMATS.map((f): { value: string; label: string } => ({ value: f.id, label: f.label[lang] }));
  if (!formats.some((f) => f.value === draft.dossierCodeFormat)) formats.push({ value: draft.dossierCodeFormat, label: draft.dossierCodeFormat });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const result = draftToDossierSettings(draft);
    if (!result.ok) {
      setHints(result.hints);
      setError(text.fixHints);
      return;
    }
    setHints({});
    const ok = await run(async () => {
      const next = await api<Settings>('PUT', '/api/v1/manage/settings', result.settings);
      setDraft(dossierSettingsToDraft(next));
    });
    if (ok) {
      setSaved(true);
      await hall.reload();
    }
  };

  return (
    <section className="m-card" aria-labelledby="ds-forms-title" data-testid="dossier-settings">
      <h2 id="ds-forms-title">{text.title}</h2>
      <p className="m-muted ds-intro">{text.intro}</p>
      {!isAdmin && <Notice kind="info">{common.readOnlyManager}</Notice>}
      <form className="m-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="ds-forms-title">
        <fieldset className="ds-plain-fieldset" disabled={!isAdmin}>
          <div className="m-grid m-grid-2">
            <TextField
              label={text.agencyCode}
              value={draft.agencyCode}
              maxLength={AGENCY_CODE_MAX + 10}
              autoCapitalize="characters"
              spellCheck={false}
              hint={hint('agencyCode')}
              help={fill(text.agencyHelp, { max: AGENCY_CODE_MAX, centre: centreCode })}
              onChange={(e) => update({ agencyCode: e.target.value })}
            />
            <div>
              <SelectField
                label={text.format}
                value={draft.dossierCodeFormat}
                hint={hint('dossierCodeFormat')}
                options={formats}
                onChange={(e) => update({ dossierCodeFormat: e.target.value })}
              />
              <p className="m-help" data-testid="dossier-code-preview" aria-live="polite">
                {preview ? fill(text.preview, { code: preview }) : !hints.agencyCode && !draft.agencyCode.trim() ? fill(text.noPreview, { centre: centreCode }) : null}
              </p>
            </div>
            <TextField
              label={text.parentAgency}
              value={draft.parentAgencyName}
              maxLength={PARENT_AGENCY_MAX + 10}
              placeholder="ỦY BAN NHÂN DÂN PHƯỜNG HÀ ĐÔNG"
              hint={hint('parentAgencyName')}
              help={fill(text.parentHelp, { max: PARENT_AGENCY_MAX })}
              onChange={(e) => update({ parentAgencyName: e.target.value })}
            />
            <TextField
              label={text.place}
              value={draft.formPlaceName}
              maxLength={PLACE_NAME_MAX + 10}
              placeholder="Hà Nội"
              hint={hint('formPlaceName')}
              help={fill(text.placeHelp, { line: formDateLine(draft.formPlaceName, today) })}
              onChange={(e) => update({ formPlaceName: e.target.value })}
            />
          </div>
          <CheckField
            label={text.apology}
            help={text.apologyHelp}
            checked={draft.apologyCountsAsLate}
            disabled={!isAdmin}
            onChange={(checked) => update({ apologyCountsAsLate: checked })}
          />
        </fieldset>
        {saved && <Notice>{text.saved}</Notice>}
        {isAdmin && <FormFooter busy={busy} error={error} saveLabel={text.save} />}
      </form>
    </section>
  );
}
