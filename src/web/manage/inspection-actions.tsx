/**
 * Corrective actions as a unit head and an inspection team work them: each card shows the finding, the
 * owner, the working-day deadline (red when overdue), the evidence of the fix and the history; the unit
 * reports progress and "fixed" with files, the team verifies or sends it back. Also the cross-plan list,
 * overdue first.
 */
import { useEffect, useState } from 'react';
import type { StoredFileMeta } from '../../contracts/files';
import type { ActionView } from '../../contracts/inspection';
import { api } from '../shared/api';
import { FileList, FilePicker } from '../shared/files';
import { fill, useLang, useText } from '../shared/i18n';
import { INSPECTION_TEXT } from './inspection-text';
import { FormError, useAction } from './ui';

export function vnDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export function ActionCard({ action, onChanged, showOrigin }: { action: ActionView; onChanged(a: ActionView): void; showOrigin?: boolean }) {
  const text = useText(INSPECTION_TEXT);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<StoredFileMeta[]>([]);
  const { busy, error, run } = useAction();
  const send = (body: Record<string, unknown>) =>
    run(async () => {
      onChanged(await api<ActionView>('POST', `/api/v1/manage/inspection/actions/${action.id}`, body));
      setNote('');
      setFiles([]);
    });
  return (
    <article className={`in-action ${action.overdue ? 'in-overdue' : ''}`} data-testid="inspection-action" data-status={action.status} data-id={action.id}>
      <header className="in-action-head">
        <strong>{action.description}</strong>
        <span className={`in-badge in-status-${action.status}`} data-testid="inspection-action-status">
          {action.statusLabel}
        </span>
        {action.overdue && <span className="in-badge in-badge-overdue">{text.overdue}</span>}
        {action.late && <span className="in-badge in-badge-late">{text.late}</span>}
      </header>
      <p className="m-muted">
        {action.unit.name} · {text.owner}: {action.ownerName} · {fill(text.due, { date: vnDay(action.dueDate), days: action.workingDays })}
      </p>
      {showOrigin && (
        <p className="in-finding-ref">
          [{action.severityLabel}] {action.findingText}
          <span className="m-sub">{fill(text.fromRound, { round: action.roundTitle, plan: action.planTitle })}</span>
        </p>
      )}
      {action.fixFiles.length > 0 && (
        <div>
          <span className="m-muted">{text.fixEvidence}:</span>
          <FileList files={action.fixFiles} />
        </div>
      )}
      {action.progress.length > 0 && (
        <details>
          <summary>{text.history}</summary>
          <ol className="in-history">
            {action.progress.map((p, i) => (
              <li key={i}>
                {new Date(p.at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })} · {p.byName}: {p.text}
              </li>
            ))}
          </ol>
        </details>
      )}
      {action.canUpdate && (
        <div className="in-action-form">
          <label>
            {text.progressText}
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} data-testid="inspection-action-text" />
          </label>
          <FileList files={files} onRemove={(f) => setFiles((list) => list.filter((x) => x.id !== f.id))} />
          <FilePicker label={text.fixEvidence} onUploaded={(f) => setFiles((list) => [...list, f])} />
          <div className="m-buttons">
            <button type="button" disabled={busy || !note.trim()} onClick={() => void send({ action: 'progress', text: note, fixFileIds: files.map((f) => f.id) })}>
              {text.reportProgress}
            </button>
            <button
              type="button"
              className="m-primary"
              disabled={busy || !note.trim()}
              data-testid="inspection-action-done"
              onClick={() => void send({ action: 'done', text: note, fixFileIds: files.map((f) => f.id) })}
            >
              {text.reportDone}
            </button>
          </div>
        </div>
      )}
      {action.canVerify && (
        <div className="in-action-form">
          <label>
            {text.verifyText}
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} data-testid="inspection-verify-text" />
          </label>
          <div className="m-buttons">
            <button type="button" className="m-primary" disabled={busy} data-testid="inspection-action-close" onClick={() => void send({ action: 'close', text: note })}>
              {text.close}
            </button>
            <button type="button" disabled={busy || !note.trim()} onClick={() => void send({ action: 'reopen', text: note })}>
              {text.reopen}
            </button>
          </div>
        </div>
      )}
      <FormError error={error} />
    </article>
  );
}

export function ActionList({ actions, onChanged, showOrigin }: { actions: ActionView[]; onChanged(a: ActionView): void; showOrigin?: boolean }) {
  const text = useText(INSPECTION_TEXT);
  if (actions.length === 0) return <p className="m-muted">{text.noCarried}</p>;
  return (
    <div className="in-actions">
      {actions.map((a) => (
        <ActionCard key={a.id} action={a} onChanged={onChanged} {...(showOrigin ? { showOrigin } : {})} />
      ))}
    </div>
  );
}

/** Every corrective action the person may see, overdue first. */
export function ActionsPanel() {
  const text = useText(INSPECTION_TEXT);
  const { lang } = useLang();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [actions, setActions] = useState<ActionView[] | null>(null);
  const { busy, error, run } = useAction();
  const load = () =>
    run(async () => {
      setActions(await api<ActionView[]>('GET', `/api/v1/manage/inspection/actions?status=${status}${overdueOnly ? '&overdue=1' : ''}`));
    });
  useEffect(() => {
    void load();
  }, [status, overdueOnly, lang]);
  const overdue = actions?.filter((a) => a.overdue).length ?? 0;
  return (
    <section className="m-card" aria-busy={busy}>
      <div className="m-range">
        <label>
          {text.filterStatus}
          <select value={status} onChange={(e) => setStatus(e.target.value as 'open' | 'all')} data-testid="inspection-actions-status">
            <option value="open">{text.statusOpen}</option>
            <option value="all">{text.statusAll}</option>
          </select>
        </label>
        <label className="in-inline">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} /> {text.overdueOnly}
        </label>
      </div>
      <FormError error={error} />
      {actions && (
        <>
          <p role="status">
            {fill(text.count, { n: actions.length })}
            {overdue > 0 && <span className="in-overdue-text"> · {fill(text.overdueCount, { n: overdue })}</span>}
          </p>
          {actions.length === 0 ? (
            <p className="m-muted">{text.noActions}</p>
          ) : (
            <ActionList actions={actions} showOrigin onChanged={(a) => setActions((list) => list?.map((x) => (x.id === a.id ? a : x)) ?? null)} />
          )}
        </>
      )}
    </section>
  );
}
