/**
 * The recognition model on Quản lý → Dữ liệu khuôn mặt: which model decides and what that means for
 * Vietnamese faces, the centre's choice ('auto' or a pinned model; admins change it after reading
 * what the change does to the templates held), and the templates held per model, those of a model
 * not in use marked as such and deletable by an admin (POST /manage/face/retire-model).
 */
import { useState, type ChangeEvent } from 'react';
import type { FaceRecord, RetireFaceModelResult, Settings } from '../../contracts/api';
import { FACE_MODELS, PREFERRED_FACE_MODEL_ID, type FaceModelId } from '../../contracts/face';
import { api } from '../shared/api';
import { fill, useLang, useText } from '../shared/i18n';
import {
  formatRate,
  migrationPlan,
  modelCard,
  modelOptions,
  retirableModels,
  type AccuracyView,
  type MigrationPlan,
  type ModelChoice,
  type ModelStatus,
} from './face-model';
import { decimalText } from './face-settings-form';
import { FACE_TEXT } from './face-text';
import { COMMON } from './manage-text';
import { FormError, Notice, SelectField, useAction, useConfirm } from './ui';

type Text = Record<keyof (typeof FACE_TEXT)['vi'], string>;

export function FaceModelCard({
  record,
  settings,
  isAdmin,
  onChanged,
}: {
  record: FaceRecord;
  settings: Settings;
  isAdmin: boolean;
  onChanged(): Promise<void>;
}) {
  const text = useText(FACE_TEXT);
  const { lang } = useLang();
  const name = (id: FaceModelId) => text[`model:${id}`];
  const card = modelCard(record, settings.faceModel);
  const decimal = (n: number) => decimalText(n, lang);

  return (
    <section className="m-card mf-no-print mf-model" aria-labelledby="mf-model-title" data-testid="face-model">
      <h2 id="mf-model-title">{text.modelTitle}</h2>
      <p className="m-muted mf-subtitle">{text.modelIntro}</p>
      <dl className="mf-facts" data-testid="face-model-facts">
        <dt>{text.modelInUse}</dt>
        <dd data-testid="face-model-in-use">
          <strong>{name(card.model)}</strong> <code>{card.model}</code>
        </dd>
        <dt>{text.modelSource}</dt>
        <dd>{text[`source:${card.source}`]}</dd>
        <dt>{text.modelLicence}</dt>
        <dd>{card.licence}</dd>
        <dt>{text.modelTemplate}</dt>
        <dd>{fill(text.techTemplateValue, { length: card.templateLength })}</dd>
        <dt>{text.modelChoice}</dt>
        <dd data-testid="face-model-choice-now">{card.pinned ? fill(text.choicePinned, { name: name(card.pinned) }) : text.choiceAuto}</dd>
        <dt>{text.modelNumbers}</dt>
        <dd>
          {fill(text.modelNumbersValue, {
            threshold: decimal(record.policy.threshold),
            margin: decimal(record.policy.margin),
            source: text[`numbers:${record.policy.thresholdSource}`],
          })}
        </dd>
      </dl>
      {card.warnings.map((w) => (
        <Notice key={w.kind} kind="warn">
          <span data-testid={`face-model-warning-${w.kind}`}>
            {w.kind === 'requested-missing'
              ? fill(text.warnMissing, { name: name(w.requested), fallback: name(card.model) })
              : fill(w.remedy === 'install' ? text.warnWesternInstall : text.warnWesternChoose, { recommended: name(PREFERRED_FACE_MODEL_ID) })}
          </span>
        </Notice>
      ))}

      <section aria-labelledby="mf-accuracy" data-testid="face-model-accuracy">
        <h3 id="mf-accuracy">{text.accuracyTitle}</h3>
        {card.accuracy ? <Accuracy accuracy={card.accuracy} threshold={record.policy.threshold} text={text} /> : <p>{text.accuracyNotMeasured}</p>}
      </section>

      <ModelChoiceForm record={record} settings={settings} isAdmin={isAdmin} onChanged={onChanged} />
      <TemplatesByModel record={record} isAdmin={isAdmin} onChanged={onChanged} />
    </section>
  );
}

function Accuracy({ accuracy: a, threshold, text }: { accuracy: AccuracyView; threshold: number; text: Text }) {
  const { lang } = useLang();
  const rate = (v: number | null) => (v === null ? <span className="m-muted">{text.accuracyNotMeasuredShort}</span> : formatRate(v, lang));
  return (
    <>
      <p className="m-muted">{fill(text.accuracyIntro, { set: a.set, threshold: decimalText(a.measuredAt, lang) })}</p>
      <table className="m-table m-compact mf-table">
        <thead>
          <tr>
            <th scope="col">{text.accuracyKind}</th>
            <th scope="col" className="mf-num">
              {text.accuracyFalseMatch}
            </th>
            <th scope="col" className="mf-num">
              {text.accuracyFalseNonMatch}
            </th>
            <th scope="col" className="mf-num">
              {text.accuracyEer}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{text.accuracyPhotos}</th>
            <td className="mf-num">{rate(a.photos.falseMatch)}</td>
            <td className="mf-num">{rate(a.photos.falseNonMatch)}</td>
            <td className="mf-num">{rate(a.photos.eer)}</td>
          </tr>
          <tr>
            <th scope="row">{text.accuracyTemplates}</th>
            <td className="mf-num">{rate(a.templates.falseMatch)}</td>
            <td className="mf-num">{rate(a.templates.falseNonMatch)}</td>
            <td className="mf-num">{rate(a.templates.eer)}</td>
          </tr>
        </tbody>
      </table>
      <p>{fill(text.accuracyReuse, { falseReuse: formatRate(a.falseReuse, lang), wrongPerson: formatRate(a.wrongPerson, lang) })}</p>
      <p className="m-muted">{fill(text.accuracyWestern, { eer: formatRate(a.westernEer, lang) })}</p>
      {!a.describesThresholdInUse && (
        <Notice kind="warn">{fill(text.accuracyOwnThreshold, { threshold: decimalText(threshold, lang), measuredAt: decimalText(a.measuredAt, lang) })}</Notice>
      )}
    </>
  );
}

/** What saving a choice does, in the words of the confirmation dialog. */
function PlanText({ plan, next, text }: { plan: MigrationPlan; next: ModelChoice; text: Text }) {
  const { lang } = useLang();
  const name = (id: FaceModelId) => text[`model:${id}`];
  const from = name(plan.from);
  const to = name(plan.to);
  const laterRules = (
    <ul>
      <li>{fill(text.planLaterWalkIns, { from })}</li>
      <li>{fill(text.planLaterRemembered, { from })}</li>
      <li>{text.planNeverCompared}</li>
    </ul>
  );
  if (plan.changesNow) {
    return (
      <div data-testid="face-model-plan">
        <p>
          <strong>{fill(text.planChange, { from, to })}</strong>
        </p>
        <ul>
          {plan.walkIns > 0 && <li>{fill(text.planWalkIns, { count: plan.walkIns, from })}</li>}
          {plan.remembered > 0 && <li>{fill(text.planRemembered, { count: plan.remembered, from, to })}</li>}
          <li>{text.planNeverCompared}</li>
          {plan.reused.walkIn + plan.reused.remembered > 0 && (
            <li>{fill(text.planReused, { walkIn: plan.reused.walkIn, remembered: plan.reused.remembered, to })}</li>
          )}
          {plan.ownNumbersStop && (
            <li>
              {fill(text.planOwnStop, {
                from,
                to,
                threshold: decimalText(FACE_MODELS[plan.to].defaultThreshold, lang),
                margin: decimalText(FACE_MODELS[plan.to].defaultMargin, lang),
              })}
            </li>
          )}
          {plan.ownNumbersReturn && <li>{fill(text.planOwnReturn, { to })}</li>}
          {plan.walkIns + plan.remembered > 0 && <li>{fill(text.planOldKept, { from })}</li>}
          <li>{text.planReload}</li>
        </ul>
      </div>
    );
  }
  return (
    <div data-testid="face-model-plan">
      <p>
        <strong>{fill(text.planSame, { from })}</strong>
      </p>
      {next === 'auto' ? (
        plan.mayChangeLater && (
          <>
            <p>{fill(text.planAutoLater, { preferred: name(PREFERRED_FACE_MODEL_ID) })}</p>
            {laterRules}
          </>
        )
      ) : next === plan.from ? (
        <p>{fill(text.planPinned, { from })}</p>
      ) : (
        <>
          <p>{fill(text.planMissingLater, { chosen: name(next), from })}</p>
          {laterRules}
        </>
      )}
    </div>
  );
}

function ModelChoiceForm({ record, settings, isAdmin, onChanged }: { record: FaceRecord; settings: Settings; isAdmin: boolean; onChanged(): Promise<void> }) {
  const text = useText(FACE_TEXT);
  const common = useText(COMMON);
  const name = (id: FaceModelId) => text[`model:${id}`];
  const [next, setNext] = useState<ModelChoice>(settings.faceModel);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const { confirm, dialog } = useConfirm();
  const options = modelOptions(record, settings.faceModel).map((o) => ({
    value: o.value,
    label: o.value === 'auto' ? fill(text.optionAuto, { name: name(o.model) }) : o.available ? name(o.model) : fill(text.optionMissing, { name: name(o.model) }),
  }));

  const apply = async () => {
    const plan = migrationPlan(record, settings, next);
    const ok = await confirm(<PlanText plan={plan} next={next} text={text} />, plan.changesNow ? text.planConfirmChange : text.planConfirmSame);
    if (!ok) return;
    const done = await run(async () => {
      await api<Settings>('PUT', '/api/v1/manage/settings', { faceModel: next });
    });
    if (done) {
      setSaved(true);
      await onChanged();
    }
  };

  return (
    <section aria-labelledby="mf-choice" data-testid="face-model-choice">
      <h3 id="mf-choice">{text.choiceTitle}</h3>
      {!isAdmin && <Notice kind="info">{common.readOnlyManager}</Notice>}
      <div className="mf-choice-row">
        <SelectField
          label={text.choiceLabel}
          value={next}
          disabled={!isAdmin || busy}
          options={options}
          help={text.choiceHelp}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => {
            setSaved(false);
            setNext(e.target.value as ModelChoice);
          }}
        />
        {isAdmin && (
          <button type="button" className="m-primary" disabled={busy || next === settings.faceModel} onClick={() => void apply()}>
            {text.choiceApply}
          </button>
        )}
      </div>
      <FormError error={error} />
      {saved && <Notice>{text.choiceSaved}</Notice>}
      {dialog}
    </section>
  );
}

function TemplatesByModel({ record, isAdmin, onChanged }: { record: FaceRecord; isAdmin: boolean; onChanged(): Promise<void> }) {
  const text = useText(FACE_TEXT);
  const { lang } = useLang();
  const name = (id: FaceModelId) => text[`model:${id}`];
  const number = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const { confirm, dialog } = useConfirm();
  const retirable = new Set(retirableModels(record).map((m) => m.id));
  // Models this site cannot run and holds nothing of say nothing useful here.
  const rows = record.models.filter((m) => m.available || m.inUse || m.templates.walkIn + m.templates.remembered > 0);

  const retire = async (m: ModelStatus) => {
    const counts = { walkIns: number(m.templates.walkIn), remembered: number(m.templates.remembered), name: name(m.id) };
    if (!(await confirm(fill(text.retireConfirm, counts), text.retireDo))) return;
    setDone(null);
    const answer: { result?: RetireFaceModelResult } = {};
    const ok = await run(async () => {
      answer.result = await api<RetireFaceModelResult>('POST', '/api/v1/manage/face/retire-model', { model: m.id });
    });
    const r = answer.result;
    if (ok && r) {
      setDone(fill(text.retired, { walkIns: number(r.walkIns), remembered: number(r.remembered), name: name(r.model) }));
      await onChanged();
    }
  };

  return (
    <section aria-labelledby="mf-templates" data-testid="face-model-templates">
      <h3 id="mf-templates">{text.templatesTitle}</h3>
      <table className="m-table m-compact mf-table">
        <thead>
          <tr>
            <th scope="col">{text.templatesModel}</th>
            <th scope="col">{text.templatesStatus}</th>
            <th scope="col" className="mf-num">
              {text.templatesWalkIn}
            </th>
            <th scope="col" className="mf-num">
              {text.templatesRemembered}
            </th>
            {isAdmin && <th scope="col" className="m-actions" aria-label={text.retireDo} />}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} data-model={m.id}>
              <th scope="row">
                {name(m.id)}
                <span className="m-sub">
                  <code>{m.id}</code>
                </span>
              </th>
              <td>
                <span className={m.inUse ? 'm-badge m-badge-ok' : 'm-badge m-badge-off'}>{m.inUse ? text.stateInUse : text.stateUnused}</span>
                {!m.available && <span className="m-sub">{text.stateNotInstalled}</span>}
              </td>
              <td className="mf-num">{number(m.templates.walkIn)}</td>
              <td className="mf-num">{number(m.templates.remembered)}</td>
              {isAdmin && (
                <td className="m-actions">
                  {retirable.has(m.id) && (
                    <button type="button" className="m-danger-link" disabled={busy} onClick={() => void retire(m)}>
                      {text.retireButton}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <FormError error={error} />
      {done && <Notice>{done}</Notice>}
      <ul className="mf-list m-muted">
        <li>{text.ruleNeverCompared}</li>
        <li>{text.ruleWalkIn}</li>
        <li>{text.ruleRemembered}</li>
        <li>{text.ruleErasure}</li>
      </ul>
      {dialog}
    </section>
  );
}
