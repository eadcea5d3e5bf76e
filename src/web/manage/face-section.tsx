/**
 * Dữ liệu khuôn mặt: the recognition model in use and what it means (face-model-card.tsx); the
 * processing record an impact assessment needs (purposes, legal basis, what is held and until when,
 * retention rules, consents and template accesses of the last 30 days, numbers given back on a face
 * match and how many citizens said they were not theirs, the model and threshold in use, the
 * commitments), printable for an inspector; and the face settings, which only an administrator may
 * change. Reads GET /manage/face/record; saves PUT /manage/settings.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { FacePolicyView, FaceRecord } from '../../contracts/api';
import { FACE_MODELS } from '../../contracts/face';
import { api } from '../shared/api';
import { fill, useLang, useText } from '../shared/i18n';
import { FaceModelCard } from './face-model-card';
import { formatRate, reuseCheckSummary } from './face-model';
import { auditRows, consentRows, heldRows, isAuditAction, searchRows, thresholdAdvice, totalHeld } from './face-record';
import {
  decimalText,
  draftToFaceSettings,
  faceSettingsToDraft,
  numbersSource,
  typedThreshold,
  withCalibratedNumbers,
  type FaceSettings,
  type FaceSettingsDraft,
  type FaceSettingsHints,
  type FormPolicy,
} from './face-settings-form';
import { FACE_TEXT } from './face-text';
import { formatDateTime } from './format';
import { COMMON } from './manage-text';
import type { SectionProps } from './section-props';
import { CheckField, errorMessage, FormFooter, Notice, TextField, useAction } from './ui';
import './face-section.css';

export function FaceSection({ user, info, isAdmin, hall }: SectionProps) {
  const [record, setRecord] = useState<FaceRecord | null>(null);
  const [loadedAt, setLoadedAt] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setRecord(await api<FaceRecord>('GET', '/api/v1/manage/face/record'));
      setLoadedAt(new Date().toISOString());
      setLoadError(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const reloadAll = async () => {
    await hall.reload();
    await load();
  };

  return (
    <div className="m-stack mf-section">
      {record && <FaceModelCard record={record} settings={info.settings} isAdmin={isAdmin} onChanged={reloadAll} />}
      <FaceRecordView record={record} loadedAt={loadedAt} loadError={loadError} info={info} userName={user.fullName} onReload={load} />
      <FaceSettingsCard
        // The numbers shown belong to the model in use: another model starts from its own.
        key={info.facePolicy.model}
        settings={info.settings}
        policy={info.facePolicy}
        isAdmin={isAdmin}
        onSaved={reloadAll}
      />
    </div>
  );
}

function FaceRecordView({
  record,
  loadedAt,
  loadError,
  info,
  userName,
  onReload,
}: {
  record: FaceRecord | null;
  loadedAt: string | null;
  loadError: string | null;
  info: SectionProps['info'];
  userName: string;
  onReload: () => Promise<void>;
}) {
  const text = useText(FACE_TEXT);
  const { lang } = useLang();
  const [busy, setBusy] = useState(false);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang) : text.heldNone);
  const number = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const decimal = (n: number) => decimalText(n, lang);
  const status = (on: boolean) => <span className={on ? 'm-badge m-badge-ok' : 'm-badge m-badge-off'}>{on ? text.statusOn : text.statusOff}</span>;

  const reload = async () => {
    setBusy(true);
    await onReload();
    setBusy(false);
  };

  return (
    <article className="m-card mf-record" aria-labelledby="mf-record-title" data-testid="face-record">
      <header className="mf-record-head">
        <div>
          <h2 id="mf-record-title">{text.recordTitle}</h2>
          <p className="mf-print-only mf-print-meta">
            {info.centre.name} · {fill(text.printedAt, { time: formatDateTime(loadedAt ?? new Date().toISOString(), lang) })} ·{' '}
            {fill(text.printedBy, { name: userName })}
          </p>
          <p className="m-muted mf-subtitle">{text.recordSubtitle}</p>
        </div>
        <div className="m-buttons mf-no-print">
          <button type="button" className="m-primary" onClick={() => window.print()} disabled={!record} data-testid="face-print">
            🖶 {text.print}
          </button>
          <button type="button" onClick={() => void reload()} disabled={busy}>
            ↻ {text.reload}
          </button>
        </div>
      </header>
      {loadError && (
        <p className="m-form-error" role="alert">
          {loadError}
        </p>
      )}
      {!record ? (
        !loadError && <p>{text.loading}</p>
      ) : (
        <>
          <section aria-labelledby="mf-controller">
            <h3 id="mf-controller">{text.controllerTitle}</h3>
            <p>
              {fill(text.controllerText, {
                name: info.centre.name,
                code: info.centre.code,
                address: info.centre.address ? `, ${info.centre.address}` : '',
              })}
            </p>
          </section>

          <section aria-labelledby="mf-purposes">
            <h3 id="mf-purposes">{text.purposesTitle}</h3>
            <table className="m-table m-compact mf-table" data-testid="face-purposes">
              <thead>
                <tr>
                  <th scope="col">{text.purpose}</th>
                  <th scope="col">{text.retention}</th>
                  <th scope="col">{text.purposeStatus}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">
                    {text.purposeTodayName}
                    <span className="m-sub">{text.purposeTodayText}</span>
                  </th>
                  <td>{text.purposeTodayRetention}</td>
                  <td>{status(record.enabled)}</td>
                </tr>
                <tr>
                  <th scope="row">
                    {text.purposeRememberName}
                    <span className="m-sub">{text.purposeRememberText}</span>
                  </th>
                  <td>{text.purposeRememberRetention}</td>
                  <td>{status(record.enabled && record.rememberEnabled)}</td>
                </tr>
              </tbody>
            </table>
          </section>

          <section aria-labelledby="mf-legal">
            <h3 id="mf-legal">{text.legalTitle}</h3>
            <ul className="mf-list">
              <li>{text.legalConsent}</li>
              <li>{text.legalSensitive}</li>
              <li>{text.legalWithdraw}</li>
            </ul>
          </section>

          <section aria-labelledby="mf-held">
            <h3 id="mf-held">{text.heldTitle}</h3>
            <table className="m-table m-compact mf-table" data-testid="face-held">
              <thead>
                <tr>
                  <th scope="col">{text.heldKind}</th>
                  <th scope="col" className="mf-num">
                    {text.heldCount}
                  </th>
                  <th scope="col">{text.heldOldest}</th>
                  <th scope="col">{text.heldNewest}</th>
                  <th scope="col">{text.heldNext}</th>
                </tr>
              </thead>
              <tbody>
                {heldRows(record).map((row) => (
                  <tr key={row.kind} data-kind={row.kind}>
                    <th scope="row">{text[`held:${row.kind}`]}</th>
                    <td className="mf-num" data-testid={`held-${row.kind}`}>
                      {number(row.count)}
                    </td>
                    <td>{when(row.oldest)}</td>
                    <td>{when(row.newest)}</td>
                    <td>{row.kind === 'remembered' ? (row.count > 0 ? text.heldNextRemembered : text.heldNone) : when(row.nextExpiry)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{text.heldTotal}</th>
                  <td className="mf-num">{number(totalHeld(record))}</td>
                  <td colSpan={3} />
                </tr>
              </tfoot>
            </table>
            <p className="m-muted">{fill(text.heldNote, { length: record.templateLength })}</p>
          </section>

          <section aria-labelledby="mf-protect" data-testid="face-protection">
            <h3 id="mf-protect">{text.protectTitle}</h3>
            <ul className="mf-list">
              <li>{text.protectEncrypted}</li>
              <li>{text.protectErasure}</li>
              {record.indexSnapshotTemplates > 0 && <li>{fill(text.protectSnapshot, { count: number(record.indexSnapshotTemplates) })}</li>}
              <li>{text.protectLoss}</li>
            </ul>
            {record.keyStore === 'memory' && <Notice kind="warn">{text.protectMemory}</Notice>}
          </section>

          <section aria-labelledby="mf-retention">
            <h3 id="mf-retention">{text.retentionTitle}</h3>
            <ul className="mf-list">
              <li>{text.retentionWalkIn}</li>
              <li>{text.retentionRemembered}</li>
              <li>{text.retentionDeclined}</li>
            </ul>
          </section>

          <div className="mf-two">
            <section aria-labelledby="mf-consent">
              <h3 id="mf-consent">{text.consentTitle}</h3>
              <table className="m-table m-compact mf-table" data-testid="face-consents">
                <thead>
                  <tr>
                    <th scope="col">{text.consentChoice}</th>
                    <th scope="col" className="mf-num">
                      {text.consentCount}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {consentRows(record).map((row) => (
                    <tr key={row.scope} data-scope={row.scope}>
                      <th scope="row">{text[`consent:${row.scope}`]}</th>
                      <td className="mf-num" data-testid={`consent-${row.scope}`}>
                        {number(row.count)}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{text.consentTotal}</th>
                    <td className="mf-num">{number(consentRows(record).reduce((n, r) => n + r.count, 0))}</td>
                  </tr>
                </tfoot>
              </table>
            </section>

            <section aria-labelledby="mf-access">
              <h3 id="mf-access">{text.accessTitle}</h3>
              <table className="m-table m-compact mf-table" data-testid="face-access">
                <thead>
                  <tr>
                    <th scope="col">{text.accessAction}</th>
                    <th scope="col" className="mf-num">
                      {text.accessEntries}
                    </th>
                    <th scope="col" className="mf-num">
                      {text.accessTemplates}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {auditRows(record).map((row) => (
                    <tr key={row.action} data-action={row.action}>
                      <th scope="row">{isAuditAction(row.action) ? text[`action:${row.action}`] : <code>{row.action}</code>}</th>
                      <td className="mf-num" data-testid={`access-${row.action}`}>
                        {number(row.entries)}
                      </td>
                      <td className="mf-num">{number(row.templates)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="m-muted">{text.accessNote}</p>
            </section>
          </div>

          <section aria-labelledby="mf-searches">
            <h3 id="mf-searches">{text.searchTitle}</h3>
            <table className="m-table m-compact mf-table" data-testid="face-searches">
              <thead>
                <tr>
                  <th scope="col">{text.searchKind}</th>
                  <th scope="col" className="mf-num">
                    {text.searchCount}
                  </th>
                  <th scope="col" className="mf-num">
                    {text.searchMatch}
                  </th>
                  <th scope="col" className="mf-num">
                    {text.searchNoMatch}
                  </th>
                  <th scope="col" className="mf-num">
                    {text.searchAmbiguous}
                  </th>
                  <th scope="col" className="mf-num">
                    {text.searchReused}
                  </th>
                  <th scope="col" className="mf-num">
                    {text.searchTemplates}
                  </th>
                </tr>
              </thead>
              <tbody>
                {searchRows(record).map((row) => (
                  <tr key={row.kind} data-kind={row.kind}>
                    <th scope="row">{text[`search:${row.kind}`]}</th>
                    <td className="mf-num" data-testid={`searches-${row.kind}`}>
                      {number(row.searches)}
                    </td>
                    <td className="mf-num">{number(row.match)}</td>
                    <td className="mf-num">{number(row.noMatch)}</td>
                    <td className="mf-num">{number(row.ambiguous)}</td>
                    <td className="mf-num">{row.reused === null ? text.heldNone : number(row.reused)}</td>
                    <td className="mf-num">{number(row.templates)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="m-muted">{text.searchNote}</p>
          </section>

          <ReuseChecks record={record} />

          <section aria-labelledby="mf-tech">
            <h3 id="mf-tech">{text.techTitle}</h3>
            <dl className="mf-facts" data-testid="face-tech">
              <dt>{text.techModel}</dt>
              <dd>
                {text[`model:${record.policy.model}`]} (<code>{record.model}</code>)
              </dd>
              <dt>{text.techTemplate}</dt>
              <dd>{fill(text.techTemplateValue, { length: record.templateLength })}</dd>
              <dt>{text.techWhere}</dt>
              <dd>{text.techWhereValue}</dd>
              <dt>{text.techThreshold}</dt>
              <dd data-testid="face-threshold">{decimal(record.matchThreshold)}</dd>
              <dt>{text.techMargin}</dt>
              <dd>{decimal(record.matchMargin)}</dd>
              <dt>{text.techAttempts}</dt>
              <dd>{record.secondFactorAttempts}</dd>
              <dt>{text.techPerHour}</dt>
              <dd data-testid="face-per-hour">{record.recognitionsPerHour}</dd>
            </dl>
            {thresholdAdvice(record.matchThreshold, FACE_MODELS[record.policy.model].defaultThreshold) === 'below-default' && (
              <Notice kind="warn">{fill(text.techBelowDefault, { calibrated: decimal(FACE_MODELS[record.policy.model].defaultThreshold) })}</Notice>
            )}
            <p className="m-muted">{text.techCalibration}</p>
          </section>

          <section aria-labelledby="mf-who">
            <h3 id="mf-who">{text.whoTitle}</h3>
            <ul className="mf-list">
              <li>{text.whoKiosk}</li>
              <li>{text.whoOfficer}</li>
              <li>{text.whoManager}</li>
              <li>{text.whoAdmin}</li>
            </ul>
          </section>

          <section aria-labelledby="mf-promise" className="mf-promise" data-testid="face-promise">
            <h3 id="mf-promise">{text.promiseTitle}</h3>
            <ul className="mf-list">
              <li>{text.promiseNoPhotos}</li>
              <li>{text.promiseNeverShown}</li>
              <li>{text.promiseAudited}</li>
              <li>{text.promiseLocal}</li>
            </ul>
          </section>
        </>
      )}
    </article>
  );
}

/** Numbers given back on a face match and what citizens answered: false matches measured in the hall. */
function ReuseChecks({ record }: { record: FaceRecord }) {
  const text = useText(FACE_TEXT);
  const { lang } = useLang();
  const number = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const r = reuseCheckSummary(record);
  const rows: [string, string, string][] = [
    ['offered', text.reuseOffered, number(r.offered)],
    ['confirmed', text.reuseConfirmed, number(r.confirmed)],
    ['rejected', text.reuseRejected, number(r.rejected)],
    ['unanswered', text.reuseUnanswered, number(r.unanswered)],
    ['rate', text.reuseRate, r.rate === null ? text.heldNone : formatRate(r.rate, lang)],
  ];
  return (
    <section aria-labelledby="mf-reuse">
      <h3 id="mf-reuse">{text.reuseTitle}</h3>
      <table className="m-table m-compact mf-table mf-narrow" data-testid="face-reuse">
        <tbody>
          {rows.map(([key, label, value]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="mf-num" data-testid={`reuse-${key}`}>
                {value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.answered > 0 && !r.enoughAnswers && <p className="m-muted">{fill(text.reuseFew, { count: r.answered })}</p>}
      <p className="m-muted">{text.reuseNote}</p>
    </section>
  );
}

function FaceSettingsCard({
  settings,
  policy,
  isAdmin,
  onSaved,
}: {
  settings: FaceSettings;
  policy: FormPolicy & Pick<FacePolicyView, 'thresholdSource'>;
  isAdmin: boolean;
  onSaved(): Promise<void>;
}) {
  const text = useText(FACE_TEXT);
  const common = useText(COMMON);
  const { lang } = useLang();
  const [draft, setDraft] = useState<FaceSettingsDraft>(() => faceSettingsToDraft(settings, policy, lang));
  const calibrated = FACE_MODELS[policy.model].defaultThreshold;
  const modelName = text[`model:${policy.model}`];
  const typed = numbersSource(draft, policy.model);
  const [hints, setHints] = useState<FaceSettingsHints>({});
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, run } = useAction();

  const set = <K extends keyof FaceSettingsDraft>(key: K, value: FaceSettingsDraft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = draftToFaceSettings(draft, policy);
    if (!result.ok) {
      setHints(result.hints);
      setError(text.fixHints);
      return;
    }
    setHints({});
    const ok = await run(async () => {
      await api<FaceSettings>('PUT', '/api/v1/manage/settings', result.settings);
    });
    if (ok) {
      setSaved(true);
      // The numbers in force come back with the hall (the policy is computed by the server).
      await onSaved();
    }
  };

  const threshold = typedThreshold(draft);
  const below = threshold !== null && thresholdAdvice(threshold, calibrated) === 'below-default';
  const hint = (key: keyof FaceSettingsHints) => (hints[key] ? text[`hint:${hints[key]}`] : null);

  return (
    <section className="m-card mf-no-print" aria-labelledby="mf-settings" data-testid="face-settings">
      <h2 id="mf-settings">{text.settingsTitle}</h2>
      {isAdmin ? <p className="m-muted">{text.settingsIntro}</p> : <Notice kind="info">{common.readOnlyManager}</Notice>}
      <form className="m-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="mf-settings">
        <fieldset disabled={!isAdmin} className="m-plain m-stack">
          <div className="m-grid m-grid-2">
            <CheckField label={text.enabled} checked={draft.enabled} onChange={(v) => set('enabled', v)} help={text.enabledHelp} />
            <CheckField
              label={text.remember}
              checked={draft.rememberEnabled}
              disabled={!draft.enabled}
              onChange={(v) => set('rememberEnabled', v)}
              help={text.rememberHelp}
            />
          </div>
          <Notice kind="warn">{text.thresholdWarning}</Notice>
          <div className="mf-numbers" data-testid="face-numbers">
            <p data-testid="face-numbers-in-force">
              {fill(text.numbersInForce, {
                model: modelName,
                threshold: decimalText(policy.threshold, lang),
                margin: decimalText(policy.margin, lang),
                source: text[`numbers:${policy.thresholdSource}`],
              })}
            </p>
            {policy.thresholdSource === 'admin' && (
              <p className="m-muted">
                {fill(text.numbersCalibratedAre, {
                  model: modelName,
                  threshold: decimalText(calibrated, lang),
                  margin: decimalText(FACE_MODELS[policy.model].defaultMargin, lang),
                })}
              </p>
            )}
            {typed !== null && typed !== policy.thresholdSource && (
              <p className="m-warn-text" data-testid="face-numbers-after-save">
                {typed === 'calibrated' ? text.numbersAfterSaveCalibrated : fill(text.numbersAfterSaveAdmin, { model: modelName })}
              </p>
            )}
            {isAdmin && (
              <button
                type="button"
                disabled={typed === 'calibrated'}
                onClick={() => {
                  setSaved(false);
                  setHints((h) => ({ ...h, threshold: undefined, margin: undefined }));
                  setDraft((d) => withCalibratedNumbers(d, policy.model, lang));
                }}
              >
                {text.backToCalibrated}
              </button>
            )}
          </div>
          <div className="m-grid m-grid-2">
            <div>
              <TextField
                label={text.threshold}
                inputMode="decimal"
                value={draft.threshold}
                onChange={(e) => set('threshold', e.target.value)}
                hint={hint('threshold')}
                help={text.thresholdHelp}
              />
              {below && <p className="m-warn-text mf-below">{fill(text.thresholdBelow, { calibrated: decimalText(calibrated, lang) })}</p>}
            </div>
            <TextField
              label={text.margin}
              inputMode="decimal"
              value={draft.margin}
              onChange={(e) => set('margin', e.target.value)}
              hint={hint('margin')}
              help={text.marginHelp}
            />
          </div>
          <div className="m-grid m-grid-2">
            <TextField
              label={text.attempts}
              inputMode="numeric"
              value={draft.attempts}
              onChange={(e) => set('attempts', e.target.value)}
              hint={hint('attempts')}
              help={text.attemptsHelp}
            />
            <TextField
              label={text.perHour}
              inputMode="numeric"
              value={draft.perHour}
              onChange={(e) => set('perHour', e.target.value)}
              hint={hint('perHour')}
              help={text.perHourHelp}
            />
          </div>
        </fieldset>
        {isAdmin && <FormFooter busy={busy} error={error} saveLabel={text.save} />}
        {saved && <Notice>{text.saved}</Notice>}
      </form>
    </section>
  );
}
