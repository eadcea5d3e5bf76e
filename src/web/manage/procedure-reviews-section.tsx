/**
 * "Rà soát thủ tục": the share of procedures with a shortened time, the review rounds, a new round over
 * chosen procedures, and one round: its procedures with the time that applies now, the proposals with
 * their status, adding a proposal, and recording the decision on each (an adopted shortening names
 * the procedure version it created). Inspectors and unit heads read only.
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  DECISIONS,
  PROPOSAL_KINDS,
  PROPOSAL_KIND_LABELS,
  PROPOSAL_STATUS_LABELS,
  type Decision,
  type ProposalKind,
  type ProposalView,
  type ReviewProcedure,
  type ReviewRoundDetail,
  type ReviewRoundSummary,
  type ShortenedShare,
} from '../../contracts/procedure-reviews';
import { api } from '../shared/api';
import { fill, useLang, useText } from '../shared/i18n';
import { formatPercent, hallDay } from './format';
import { formatDay } from './day-format';
import { canWriteProcesses } from './process-documents-section';
import { REVIEW_TEXT } from './procedure-reviews-text';
import type { SectionProps } from './section-props';
import { FormError, Notice, SelectField, TextArea, TextField, useAction } from './ui';
import './process-documents.css';

/** Lower case without tone marks, so "ho tich" finds "Hộ tịch". */
const foldText = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .trim();

export function ProcedureReviewsSection({ user, info }: SectionProps) {
  const text = useText(REVIEW_TEXT);
  const { lang } = useLang();
  const [rounds, setRounds] = useState<ReviewRoundSummary[] | null>(null);
  const [share, setShare] = useState<ShortenedShare | null>(null);
  const [procedures, setProcedures] = useState<ReviewProcedure[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const today = hallDay(info.serverTime);
  const [form, setForm] = useState({ name: '', year: today.slice(0, 4), decisionRef: '', filter: '', chosen: [] as string[] });
  const list = useAction();
  const create = useAction();
  const writer = canWriteProcesses(user);

  const load = () =>
    list.run(async () => {
      const [r, s] = await Promise.all([
        api<ReviewRoundSummary[]>('GET', '/api/v1/manage/procedure-reviews'),
        api<ShortenedShare>('GET', '/api/v1/manage/procedure-reviews/shortened-share'),
      ]);
      setRounds(r);
      setShare(s);
    });

  useEffect(() => {
    void load();
    if (writer) void api<ReviewProcedure[]>('GET', '/api/v1/manage/procedure-reviews/procedures').then(setProcedures, () => setProcedures([]));
  }, [lang]);

  const needle = foldText(form.filter);
  const shown = procedures.filter((p) => !needle || foldText(`${p.code} ${p.name} ${p.fieldName}`).includes(needle));
  const toggle = (id: string, on: boolean) => setForm((f) => ({ ...f, chosen: on ? [...f.chosen, id] : f.chosen.filter((x) => x !== id) }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create.run(async () => {
      const made = await api<ReviewRoundDetail>('POST', '/api/v1/manage/procedure-reviews', {
        name: form.name,
        year: Number(form.year),
        decisionRef: form.decisionRef,
        procedureIds: form.chosen,
      });
      setForm((f) => ({ ...f, name: '', decisionRef: '', chosen: [] }));
      await load();
      setOpenId(made.id);
    });
  };

  return (
    <div className="m-stack pr-section">
      <section className="m-card">
        <p className="m-help">{text.intro}</p>
        {!writer && <Notice kind="info">{text.readOnly}</Notice>}
        {share && (
          <p className="pr-share" data-testid="review-share">
            <strong>{fill(text.share, { count: share.shortened, total: share.procedures, share: formatPercent(share.sharePercent, lang) })}</strong>
            {' · '}
            {fill(text.shareDecisions, { n: share.byDecision })}
          </p>
        )}
        <h2>{text.rounds}</h2>
        <FormError error={list.error} />
        {rounds && rounds.length === 0 && <p className="m-muted">{text.none}</p>}
        {rounds && rounds.length > 0 && (
          <div className="m-table-wrap">
            <table className="m-table m-compact" data-testid="review-rounds">
              <thead>
                <tr>
                  <th scope="col">{text.name}</th>
                  <th scope="col">{text.year}</th>
                  <th scope="col">{text.decisionRef}</th>
                  <th scope="col">{text.procedures}</th>
                  <th scope="col">{text.proposals}</th>
                  <th scope="col">{text.adopted}</th>
                  <th scope="col">{text.pending}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>{r.year}</td>
                    <td>{r.decisionRef || '—'}</td>
                    <td>{r.procedures}</td>
                    <td>{r.proposals}</td>
                    <td>{r.adopted}</td>
                    <td>{r.pending}</td>
                    <td>
                      <button type="button" onClick={() => setOpenId(r.id)} aria-label={`${text.open} ${r.name}`}>
                        {text.open}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {writer && (
        <section className="m-card">
          <h2>{text.newRound}</h2>
          <form className="m-stack" onSubmit={submit}>
            <div className="m-grid m-grid-3">
              <TextField label={text.name} value={form.name} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} required maxLength={300} />
              <TextField label={text.year} type="number" min={2000} max={2100} value={form.year} onChange={(e) => setForm((f) => ({ ...f, year: e.target.value }))} required />
              <TextField label={text.decisionRef} value={form.decisionRef} onChange={(e) => setForm((f) => ({ ...f, decisionRef: e.target.value }))} maxLength={200} />
            </div>
            <TextField label={text.filter} value={form.filter} onChange={(e) => setForm((f) => ({ ...f, filter: e.target.value }))} />
            <fieldset className="pr-choose">
              <legend>{fill(text.chosen, { n: form.chosen.length })}</legend>
              {shown.map((p) => (
                <label key={p.id} className="m-inline-check">
                  <input type="checkbox" checked={form.chosen.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
                  <span>
                    <code>{p.code}</code> {p.name} <span className="m-muted">({p.timeText})</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <div className="m-buttons">
              <button type="submit" className="m-primary" disabled={create.busy || form.chosen.length === 0}>
                {text.create}
              </button>
            </div>
            <FormError error={create.error} />
          </form>
        </section>
      )}

      {openId && <ReviewRoundPanel key={openId} id={openId} writer={writer} today={today} onChanged={() => void load()} onClose={() => setOpenId(null)} />}
    </div>
  );
}

function ReviewRoundPanel({ id, writer, today, onChanged, onClose }: { id: string; writer: boolean; today: string; onChanged(): void; onClose(): void }) {
  const text = useText(REVIEW_TEXT);
  const { lang } = useLang();
  const [round, setRound] = useState<ReviewRoundDetail | null>(null);
  const [proposal, setProposal] = useState({ procedureId: '', kind: 'shorten' as ProposalKind, rationale: '', channel: '', newCommittedAmount: '' });
  const load = useAction();
  const add = useAction();
  const closing = useAction();

  useEffect(() => {
    void load.run(async () => setRound(await api<ReviewRoundDetail>('GET', `/api/v1/manage/procedure-reviews/${id}`)));
  }, [id, lang]);

  if (!round) return <FormError error={load.error} />;
  const open = round.status === 'open';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run(async () => {
      setRound(
        await api<ReviewRoundDetail>('POST', `/api/v1/manage/procedure-reviews/${id}/proposals`, {
          procedureId: proposal.procedureId,
          kind: proposal.kind,
          rationale: proposal.rationale,
          channel: proposal.kind === 'shorten' && proposal.channel ? proposal.channel : null,
          newCommittedAmount: proposal.kind === 'shorten' ? Number(proposal.newCommittedAmount) : null,
        }),
      );
      setProposal((p) => ({ ...p, rationale: '', newCommittedAmount: '' }));
      onChanged();
    });
  };

  return (
    <section className="m-card pr-panel" data-testid="review-detail" aria-labelledby="pr-title">
      <div className="m-card-head">
        <h2 id="pr-title">
          {round.name} ({round.year})
        </h2>
        <button type="button" onClick={onClose}>
          {text.close}
        </button>
      </div>
      {round.decisionRef && <p className="m-muted">{round.decisionRef}</p>}

      <h3>{text.roundProcedures}</h3>
      <div className="m-table-wrap">
        <table className="m-table m-compact" data-testid="review-procedures">
          <thead>
            <tr>
              <th scope="col">{text.procedure}</th>
              <th scope="col">{text.time}</th>
              <th scope="col">{text.version}</th>
            </tr>
          </thead>
          <tbody>
            {round.procedureList.map((p) => (
              <tr key={p.id} data-code={p.code}>
                <th scope="row">
                  <code>{p.code}</code> {p.name}
                </th>
                <td className="pr-time">{p.timeText}</td>
                <td>{p.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{text.proposalList}</h3>
      {round.proposalList.length === 0 ? (
        <p className="m-muted">{text.noProposals}</p>
      ) : (
        <div className="m-table-wrap">
          <table className="m-table m-compact" data-testid="review-proposals">
            <thead>
              <tr>
                <th scope="col">{text.procedure}</th>
                <th scope="col">{text.kind}</th>
                <th scope="col">{text.rationale}</th>
                <th scope="col">{text.status}</th>
                <th scope="col">{text.decision}</th>
              </tr>
            </thead>
            <tbody>
              {round.proposalList.map((p) => (
                <ProposalRow key={p.id} roundId={id} proposal={p} writer={writer && open} today={today} onDecided={(next) => (setRound(next), onChanged())} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {!open && <Notice kind="info">{text.closedRound}</Notice>}
      {writer && open && (
        <div className="m-buttons">
          <button
            type="button"
            disabled={closing.busy}
            onClick={() =>
              void closing.run(async () => {
                setRound(await api<ReviewRoundDetail>('POST', `/api/v1/manage/procedure-reviews/${id}/close`));
                onChanged();
              })
            }
          >
            {text.closeRound}
          </button>
          <FormError error={closing.error} />
        </div>
      )}
      {writer && open && (
        <form className="pr-proposal m-stack" onSubmit={submit}>
          <h3>{text.newProposal}</h3>
          <div className="m-grid m-grid-2">
            <SelectField
              label={text.procedure}
              value={proposal.procedureId}
              onChange={(e) => setProposal((p) => ({ ...p, procedureId: e.target.value }))}
              options={[{ value: '', label: text.choose }, ...round.procedureList.map((p) => ({ value: p.id, label: `${p.code} – ${p.name}` }))]}
              required
            />
            <SelectField
              label={text.kind}
              value={proposal.kind}
              onChange={(e) => setProposal((p) => ({ ...p, kind: e.target.value as ProposalKind }))}
              options={PROPOSAL_KINDS.map((k) => ({ value: k, label: PROPOSAL_KIND_LABELS[k][lang] }))}
            />
          </div>
          {proposal.kind === 'shorten' && (
            <div className="m-grid m-grid-2">
              <SelectField
                label={text.channel}
                value={proposal.channel}
                onChange={(e) => setProposal((p) => ({ ...p, channel: e.target.value }))}
                options={[
                  { value: '', label: text.allChannels },
                  { value: 'direct', label: lang === 'vi' ? 'Trực tiếp' : 'In person' },
                  { value: 'online', label: lang === 'vi' ? 'Trực tuyến' : 'Online' },
                  { value: 'postal', label: lang === 'vi' ? 'Bưu chính' : 'Post' },
                ]}
              />
              <TextField
                label={text.newAmount}
                help={text.newAmountHelp}
                type="number"
                min={1}
                value={proposal.newCommittedAmount}
                onChange={(e) => setProposal((p) => ({ ...p, newCommittedAmount: e.target.value }))}
                required
              />
            </div>
          )}
          <TextArea label={text.rationale} value={proposal.rationale} onChange={(e) => setProposal((p) => ({ ...p, rationale: e.target.value }))} rows={2} required />
          <div className="m-buttons">
            <button type="submit" className="m-primary" disabled={add.busy}>
              {text.add}
            </button>
          </div>
          <FormError error={add.error} />
        </form>
      )}
    </section>
  );
}

function ProposalRow({ roundId, proposal: p, writer, today, onDecided }: { roundId: string; proposal: ProposalView; writer: boolean; today: string; onDecided(next: ReviewRoundDetail): void }) {
  const text = useText(REVIEW_TEXT);
  const { lang } = useLang();
  const [form, setForm] = useState({ decision: 'adopted' as Decision, decidedOn: today, decisionRef: '', note: '' });
  const act = useAction();
  const open = p.status === 'proposed' || p.status === 'deferred';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void act.run(async () => onDecided(await api<ReviewRoundDetail>('POST', `/api/v1/manage/procedure-reviews/${roundId}/proposals/${p.id}/decision`, form)));
  };

  return (
    <tr data-status={p.status} data-kind={p.kind}>
      <th scope="row">
        <code>{p.procedureCode}</code> {p.procedureName}
      </th>
      <td>
        {p.kindLabel}
        {p.newCommittedAmount !== null && <span className="m-sub">→ {p.newCommittedAmount}</span>}
      </td>
      <td>{p.rationale}</td>
      <td className="pr-status">{PROPOSAL_STATUS_LABELS[p.status][lang]}</td>
      <td>
        {p.decidedOn && (
          <div>
            {formatDay(p.decidedOn)} {p.decisionRef && `· ${p.decisionRef}`}
            {p.decisionNote && <span className="m-sub">{p.decisionNote}</span>}
            {p.resultVersion !== null && <span className="m-sub pr-version">{fill(text.newVersion, { n: p.resultVersion })}</span>}
          </div>
        )}
        {writer && open && (
          <form className="pr-decide" onSubmit={submit} aria-label={text.decide}>
            <select aria-label={text.decision} value={form.decision} onChange={(e) => setForm((f) => ({ ...f, decision: e.target.value as Decision }))}>
              {DECISIONS.map((d) => (
                <option key={d} value={d}>
                  {PROPOSAL_STATUS_LABELS[d][lang]}
                </option>
              ))}
            </select>
            <input aria-label={text.decidedOn} type="date" value={form.decidedOn} onChange={(e) => setForm((f) => ({ ...f, decidedOn: e.target.value }))} required />
            <input aria-label={text.decisionNumber} placeholder={text.decisionNumber} value={form.decisionRef} onChange={(e) => setForm((f) => ({ ...f, decisionRef: e.target.value }))} />
            <input aria-label={text.note} placeholder={text.note} value={form.note} onChange={(e) => setForm((f) => ({ ...f, note: e.target.value }))} />
            <button type="submit" disabled={act.busy}>
              {text.record}
            </button>
            <FormError error={act.error} />
          </form>
        )}
      </td>
    </tr>
  );
}
