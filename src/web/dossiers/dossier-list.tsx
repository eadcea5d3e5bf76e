/**
 * The work list: dossiers in progress, overdue, due soon, waiting to be handed over, closed, or all,
 * with a search box and a received-date range. Overdue rows are red and due-soon rows amber, each
 * also saying so in words.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { DossierListItem } from '../../contracts/dossier';
import { api } from '../shared/api';
import { fill, useText } from '../shared/i18n';
import { FormError, useAction } from '../manage/ui';
import { formatShort, LIST_FILTERS, listPath, routeSearch, type DossiersRoute, type ListFilter } from './dossier-format';
import { TEXT } from './dossiers-text';

export function DossierList({ filter, q, navigate }: { filter: ListFilter; q: string; navigate(route: DossiersRoute): void }) {
  const text = useText(TEXT);
  const [query, setQuery] = useState(q);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<DossierListItem[] | null>(null);
  const load = useAction();

  useEffect(() => setQuery(q), [q]);

  const reload = useCallback(
    () =>
      load.run(async () => {
        const r = await api<{ dossiers: DossierListItem[] }>('GET', listPath(filter, { q, from, to }));
        setRows(r.dossiers);
      }),
    [load.run, filter, q, from, to],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate({ view: 'list', filter, q: query });
  };

  return (
    <div className="m-stack">
      <div className="d-tabs" role="tablist" aria-label={text.filters}>
        {LIST_FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            role="tab"
            aria-selected={f === filter}
            className={`d-tab d-tab-${f}`}
            onClick={() => navigate({ view: 'list', filter: f, q })}
          >
            {text[`filter:${f}`]}
          </button>
        ))}
      </div>

      <form className="d-search" onSubmit={search} role="search">
        <label className="d-search-q">
          <span>{text.search}</span>
          <input type="search" value={query} placeholder={text.searchHelp} maxLength={100} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          <span>{text.from}</span>
          <input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          <span>{text.to}</span>
          <input type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" className="m-primary">
          {text.searchButton}
        </button>
        <button type="button" onClick={() => void reload()} disabled={load.busy}>
          {text.refresh}
        </button>
      </form>

      <FormError error={load.error} />
      {rows === null ? (
        !load.error && <p>{text.loading}</p>
      ) : rows.length === 0 ? (
        <p className="m-muted" data-testid="dossier-list-empty">
          {text.empty}
        </p>
      ) : (
        <>
          <p className="m-muted" role="status">
            {fill(text.count, { count: rows.length })}
          </p>
          <div className="m-table-wrap">
            <table className="m-table d-table" aria-busy={load.busy}>
              <thead>
                <tr>
                  <th scope="col">{text.colCode}</th>
                  <th scope="col">{text.colProcedure}</th>
                  <th scope="col">{text.colApplicant}</th>
                  <th scope="col">{text.colStep}</th>
                  <th scope="col">{text.colDue}</th>
                  <th scope="col">{text.colStatus}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => {
                  const due = d.dueState === 'overdue' || d.dueState === 'due-soon' ? d.dueState : null;
                  const detail: DossiersRoute = { view: 'detail', id: d.id };
                  return (
                    <tr key={d.id} className={due ? `d-row-${due}` : undefined} data-testid="dossier-row" data-due-state={d.dueState ?? undefined}>
                      <th scope="row">
                        <a
                          href={routeSearch(detail)}
                          className="d-code-link"
                          onClick={(e) => {
                            if (e.ctrlKey || e.metaKey || e.shiftKey) return;
                            e.preventDefault();
                            navigate(detail);
                          }}
                        >
                          {d.code}
                        </a>
                      </th>
                      <td>
                        <code>{d.procedureCode}</code> {d.procedureName}
                      </td>
                      <td>{d.applicantName}</td>
                      <td>{d.currentStepName ?? '—'}</td>
                      <td className="m-nowrap">
                        {formatShort(d.dueAt)}
                        {d.extendedDueAt && <span className="m-sub">{fill(text.extendedTo, { date: formatShort(d.extendedDueAt) })}</span>}
                      </td>
                      <td>
                        <span className="d-status" data-status={d.status}>
                          {d.statusLabel}
                        </span>
                        {due && <span className={`d-due d-due-${due}`}>{text[`due:${due}`]}</span>}
                        {d.timeliness && <span className={`d-tl d-tl-${d.timeliness}`}>{text[`tl:${d.timeliness}`]}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
