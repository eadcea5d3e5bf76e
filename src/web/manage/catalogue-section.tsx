/**
 * Danh mục thủ tục: what the forms and dossier codes say (agency code, parent agency, place), import
 * the procedure catalogue (the national catalogue's JSON records, or the province's spreadsheet as
 * xlsx/csv), see what was skipped and why — for this import and the recent ones — find a procedure
 * and edit the rules the centre applies to it. Every save is a new version: dossiers already
 * received keep the version they were received under.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CatalogueImportRecord, ImportReport, ProcedureSummary } from '../../contracts/dossier';
import { api } from '../shared/api';
import { fill, useLang, useText, type Dictionary } from '../shared/i18n';
import { formatInstantWithWeekday } from './day-format';
import { DossierSettingsCard } from './dossier-settings-card';
import { filesToUpload, hasImportExtension, IMPORT_ACCEPT } from './file-base64';
import { describeRule } from './procedure-form';
import { ProcedureEditor } from './procedure-editor';
import type { SectionProps } from './section-props';
import { CheckField, FormError, Notice, useAction } from './ui';
import './dossier-sections.css';
import './catalogue-extras.css';

const TEXT: Dictionary<
  | 'importTitle'
  | 'importHelp'
  | 'files'
  | 'filesHelp'
  | 'chosen'
  | 'import'
  | 'importing'
  | 'wrongType'
  | 'noFiles'
  | 'imported'
  | 'skipped'
  | 'unchanged'
  | 'warnings'
  | 'noWarnings'
  | 'onlySkipped'
  | 'source'
  | 'code'
  | 'field'
  | 'message'
  | 'skippedCol'
  | 'yes'
  | 'no'
  | 'listTitle'
  | 'search'
  | 'searchPlaceholder'
  | 'searchButton'
  | 'name'
  | 'fieldName'
  | 'times'
  | 'version'
  | 'edit'
  | 'editLabel'
  | 'inactive'
  | 'noProcedures'
  | 'count'
  | 'saved'
  | 'actions'
  | 'historyTitle'
  | 'historyHelp'
  | 'noHistory'
  | 'at'
  | 'actor'
  | 'commandLine'
  | 'view'
  | 'hide'
  | 'viewLabel'
  | 'historyReport'
> = {
  vi: {
    importTitle: 'Nhập danh mục thủ tục',
    importHelp:
      'Chọn một hay nhiều tệp: bản ghi JSON của Cơ sở dữ liệu quốc gia về TTHC, hoặc bảng tính xlsx/csv của tỉnh. Thủ tục đã có sẽ được cập nhật thành phiên bản mới nếu nội dung thay đổi.',
    files: 'Tệp danh mục (json, xlsx, csv)',
    filesHelp: 'Có thể chọn nhiều tệp cùng lúc.',
    chosen: 'Đã chọn {n} tệp',
    import: 'Nhập danh mục',
    importing: 'Đang nhập…',
    wrongType: 'Chỉ nhận tệp .json, .xlsx hoặc .csv: {names}',
    noFiles: 'Vui lòng chọn ít nhất một tệp.',
    imported: 'Đã nhập',
    skipped: 'Bị bỏ qua',
    unchanged: 'Không thay đổi',
    warnings: 'Cảnh báo ({n})',
    noWarnings: 'Không có cảnh báo nào.',
    onlySkipped: 'Chỉ bản ghi bị bỏ qua',
    source: 'Nguồn',
    code: 'Mã',
    field: 'Trường',
    message: 'Nội dung',
    skippedCol: 'Bỏ qua',
    yes: 'Có',
    no: 'Không',
    listTitle: 'Danh sách thủ tục',
    search: 'Tìm thủ tục',
    searchPlaceholder: 'Mã hoặc tên thủ tục, ví dụ 1.001193 hoặc khai sinh',
    searchButton: 'Tìm',
    name: 'Tên thủ tục',
    fieldName: 'Lĩnh vực',
    times: 'Thời hạn giải quyết',
    version: 'Phiên bản',
    edit: 'Sửa',
    editLabel: 'Sửa thủ tục {code}',
    inactive: 'Ngừng áp dụng',
    noProcedures: 'Không có thủ tục nào.',
    count: '{n} thủ tục',
    saved: 'Đã lưu thủ tục {code}: Phiên bản {version}.',
    actions: 'Thao tác',
    historyTitle: 'Các lần nhập gần đây',
    historyHelp: 'Mười lần nhập gần nhất, mới nhất ở trên. Chọn "Xem cảnh báo" để xem lại bản ghi nào bị bỏ qua và vì sao.',
    noHistory: 'Chưa có lần nhập nào.',
    at: 'Thời gian',
    actor: 'Người nhập',
    commandLine: 'Máy chủ (dòng lệnh)',
    view: 'Xem cảnh báo ({n})',
    hide: 'Ẩn cảnh báo',
    viewLabel: 'Cảnh báo của lần nhập lúc {at}',
    historyReport: 'Lần nhập lúc {at} – {source}',
  },
  en: {
    importTitle: 'Import the procedure catalogue',
    importHelp:
      "Pick one or more files: JSON records of the national procedure database, or the province's xlsx/csv sheet. A procedure already known gets a new version when its content changed.",
    files: 'Catalogue files (json, xlsx, csv)',
    filesHelp: 'Several files can be picked at once.',
    chosen: '{n} files picked',
    import: 'Import',
    importing: 'Importing…',
    wrongType: 'Only .json, .xlsx or .csv files: {names}',
    noFiles: 'Please pick at least one file.',
    imported: 'Imported',
    skipped: 'Skipped',
    unchanged: 'Unchanged',
    warnings: 'Warnings ({n})',
    noWarnings: 'No warnings.',
    onlySkipped: 'Skipped records only',
    source: 'Source',
    code: 'Code',
    field: 'Field',
    message: 'Message',
    skippedCol: 'Skipped',
    yes: 'Yes',
    no: 'No',
    listTitle: 'Procedures',
    search: 'Find a procedure',
    searchPlaceholder: 'Code or name, e.g. 1.001193 or birth',
    searchButton: 'Find',
    name: 'Procedure',
    fieldName: 'Field',
    times: 'Processing time',
    version: 'Version',
    edit: 'Edit',
    editLabel: 'Edit procedure {code}',
    inactive: 'Not in use',
    noProcedures: 'No procedures.',
    count: '{n} procedures',
    saved: 'Procedure {code} saved: version {version}.',
    actions: 'Actions',
    historyTitle: 'Recent imports',
    historyHelp: 'The last ten imports, newest first. "Show warnings" tells again which records were skipped and why.',
    noHistory: 'No imports yet.',
    at: 'Time',
    actor: 'Imported by',
    commandLine: 'Server (command line)',
    view: 'Show warnings ({n})',
    hide: 'Hide warnings',
    viewLabel: 'Warnings of the import at {at}',
    historyReport: 'Import at {at} – {source}',
  },
};

export function CatalogueSection(props: SectionProps) {
  // Bumped after each upload: the history and the list show what it changed.
  const [imports, setImports] = useState(0);
  return (
    <div className="m-stack">
      <DossierSettingsCard {...props} />
      <ImportCard onImported={() => setImports((n) => n + 1)} />
      <ImportHistory reload={imports} />
      <ProcedureList reload={imports} {...props} />
    </div>
  );
}

function ImportCard({ onImported }: { onImported(): void }) {
  const text = useText(TEXT);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [hint, setHint] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const { busy, error, run } = useAction();

  const pick = (list: FileList | null) => {
    const picked = Array.from(list ?? []);
    const wrong = picked.filter((f) => !hasImportExtension(f.name));
    setHint(wrong.length > 0 ? fill(text.wrongType, { names: wrong.map((f) => f.name).join(', ') }) : null);
    setFiles(picked.filter((f) => hasImportExtension(f.name)));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0) {
      setHint(text.noFiles);
      return;
    }
    const ok = await run(async () => {
      const upload = await filesToUpload(files);
      setReport(await api<ImportReport>('POST', '/api/v1/manage/catalogue/import', { files: upload }));
    });
    if (ok) {
      setFiles([]);
      if (inputRef.current) inputRef.current.value = '';
      onImported();
    }
  };

  return (
    <section className="m-card" aria-labelledby="ds-import-title">
      <h2 id="ds-import-title">{text.importTitle}</h2>
      <p className="m-help">{text.importHelp}</p>
      <form className="ds-import" onSubmit={(e) => void submit(e)}>
        <div className="m-row">
          <label htmlFor={inputId}>{text.files}</label>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            multiple
            accept={IMPORT_ACCEPT}
            aria-invalid={hint ? true : undefined}
            aria-describedby={`${inputId}-help${hint ? ` ${inputId}-hint` : ''}`}
            onChange={(e) => pick(e.target.files)}
          />
          <span className="m-help" id={`${inputId}-help`}>
            {files.length > 0 ? fill(text.chosen, { n: files.length }) : text.filesHelp}
          </span>
          {hint && (
            <span className="m-hint" id={`${inputId}-hint`}>
              {hint}
            </span>
          )}
        </div>
        <div className="m-buttons">
          <button type="submit" className="m-primary" disabled={busy}>
            {busy ? text.importing : text.import}
          </button>
        </div>
      </form>
      <FormError error={error} />

      {report && <ImportReportView report={report} testIdPrefix="import" />}
    </section>
  );
}

/**
 * An import's counts and warnings, with the "skipped records only" filter. Shown for the upload just
 * made and for an import picked in the history; `testIdPrefix` tells the two apart.
 */
function ImportReportView({ report, testIdPrefix }: { report: ImportReport; testIdPrefix: string }) {
  const text = useText(TEXT);
  const [onlySkipped, setOnlySkipped] = useState(false);
  const warnings = onlySkipped ? report.warnings.filter((w) => w.skipped) : report.warnings;
  return (
    <div className="ds-report" data-testid={`${testIdPrefix}-report`}>
      <div className="m-stats">
        <div className="m-stat">
          <span className="m-stat-label">{text.imported}</span>
          <span className="m-stat-value" data-testid={`${testIdPrefix}-imported`}>
            {report.imported}
          </span>
        </div>
        <div className="m-stat">
          <span className="m-stat-label">{text.skipped}</span>
          <span className={`m-stat-value${report.skipped > 0 ? ' ds-bad' : ''}`} data-testid={`${testIdPrefix}-skipped`}>
            {report.skipped}
          </span>
        </div>
        <div className="m-stat">
          <span className="m-stat-label">{text.unchanged}</span>
          <span className="m-stat-value" data-testid={`${testIdPrefix}-unchanged`}>
            {report.unchanged}
          </span>
        </div>
      </div>
      <div className="m-card-head">
        <h3>{fill(text.warnings, { n: report.warnings.length })}</h3>
        {report.warnings.length > 0 && <CheckField label={text.onlySkipped} checked={onlySkipped} onChange={setOnlySkipped} className="ds-inline-check" />}
      </div>
      {report.warnings.length === 0 ? (
        <p className="m-muted">{text.noWarnings}</p>
      ) : (
        <div className="m-table-wrap ds-scroll">
          <table className="m-table m-compact" data-testid={`${testIdPrefix}-warnings`}>
            <thead>
              <tr>
                <th scope="col">{text.source}</th>
                <th scope="col">{text.code}</th>
                <th scope="col">{text.field}</th>
                <th scope="col">{text.message}</th>
                <th scope="col">{text.skippedCol}</th>
              </tr>
            </thead>
            <tbody>
              {warnings.map((w, i) => (
                <tr key={i} className={w.skipped ? 'ds-skipped' : undefined} data-skipped={w.skipped}>
                  <td className="ds-source">{w.source}</td>
                  <td className="m-nowrap">{w.code ? <code>{w.code}</code> : '—'}</td>
                  <td>
                    <code>{w.field}</code>
                  </td>
                  <td>{w.message}</td>
                  <td>{w.skipped ? <strong className="ds-bad">{text.yes}</strong> : text.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** "Các lần nhập gần đây": every import keeps its report, so a skipped row can be looked at later. */
function ImportHistory({ reload }: { reload: number }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const reportId = useId();
  const [imports, setImports] = useState<CatalogueImportRecord[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    void run(async () => {
      const answer = await api<{ imports: CatalogueImportRecord[] }>('GET', '/api/v1/manage/catalogue/imports');
      setImports(answer.imports);
    });
  }, [reload, run]);

  const open = imports?.find((i) => i.id === openId) ?? null;
  const at = (record: CatalogueImportRecord) => formatInstantWithWeekday(record.at, lang);

  return (
    <section className="m-card" aria-labelledby="ds-history-title">
      <h2 id="ds-history-title">{text.historyTitle}</h2>
      <p className="m-help">{text.historyHelp}</p>
      <FormError error={error} />
      {imports && imports.length === 0 && <p className="m-muted">{text.noHistory}</p>}
      {imports && imports.length > 0 && (
        <div className="m-table-wrap ds-scroll">
          <table className="m-table m-compact ds-history" data-testid="import-history" aria-busy={busy}>
            <thead>
              <tr>
                <th scope="col">{text.at}</th>
                <th scope="col">{text.source}</th>
                <th scope="col">{text.actor}</th>
                <th scope="col" className="m-num">
                  {text.imported}
                </th>
                <th scope="col" className="m-num">
                  {text.skipped}
                </th>
                <th scope="col" className="m-num">
                  {text.unchanged}
                </th>
                <th scope="col" className="m-actions">
                  {text.actions}
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.map((record) => {
                const isOpen = record.id === openId;
                return (
                  <tr key={record.id} data-open={isOpen || undefined}>
                    <th scope="row" className="m-nowrap">
                      {at(record)}
                    </th>
                    <td className="ds-source">{record.source}</td>
                    <td>{record.actorName ?? <span className="m-muted">{text.commandLine}</span>}</td>
                    <td className="m-num" data-testid="history-imported">
                      {record.imported}
                    </td>
                    <td className={`m-num${record.skipped > 0 ? ' ds-bad' : ''}`} data-testid="history-skipped">
                      {record.skipped}
                    </td>
                    <td className="m-num" data-testid="history-unchanged">
                      {record.unchanged}
                    </td>
                    <td className="m-actions">
                      <button
                        type="button"
                        aria-expanded={isOpen}
                        aria-controls={isOpen ? reportId : undefined}
                        onClick={() => setOpenId(isOpen ? null : record.id)}
                      >
                        {isOpen ? text.hide : fill(text.view, { n: record.warnings.length })}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <div className="ds-history-report" id={reportId} role="region" aria-label={fill(text.viewLabel, { at: at(open) })}>
          <h3>{fill(text.historyReport, { at: at(open), source: open.source })}</h3>
          <ImportReportView key={open.id} report={open} testIdPrefix="history" />
        </div>
      )}
    </section>
  );
}

function ProcedureList({ reload, info }: SectionProps & { reload: number }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const searchId = useId();
  const [q, setQ] = useState('');
  const [procedures, setProcedures] = useState<ProcedureSummary[] | null>(null);
  const [editing, setEditing] = useState<ProcedureSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const load = (query: string) =>
    run(async () => {
      // all=1: the catalogue shows the procedures out of use too, so a manager can bring one back.
      const params = new URLSearchParams({ all: '1' });
      if (query.trim()) params.set('q', query.trim());
      const answer = await api<{ procedures: ProcedureSummary[] }>('GET', `/api/v1/procedures?${params}`);
      setProcedures(answer.procedures);
    });

  useEffect(() => {
    void load(q);
  }, [reload]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(q);
  };

  return (
    <section className="m-card" aria-labelledby="ds-list-title">
      <h2 id="ds-list-title">{text.listTitle}</h2>
      <form className="ds-search" role="search" onSubmit={submit} aria-label={text.search}>
        <label htmlFor={searchId}>{text.search}</label>
        <input id={searchId} type="search" value={q} maxLength={100} placeholder={text.searchPlaceholder} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" disabled={busy}>
          {text.searchButton}
        </button>
      </form>
      <FormError error={error} />
      {notice && <Notice>{notice}</Notice>}
      {procedures && (
        <>
          <p className="m-muted">{fill(text.count, { n: procedures.length })}</p>
          {procedures.length === 0 ? (
            <p className="m-muted">{text.noProcedures}</p>
          ) : (
            <div className="m-table-wrap ds-scroll">
              <table className="m-table m-compact" data-testid="procedure-list" aria-busy={busy}>
                <thead>
                  <tr>
                    <th scope="col">{text.code}</th>
                    <th scope="col">{text.name}</th>
                    <th scope="col">{text.fieldName}</th>
                    <th scope="col">{text.times}</th>
                    <th scope="col">{text.version}</th>
                    <th scope="col" className="m-actions">
                      {text.actions}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {procedures.map((p) => (
                    <tr key={p.id} className={p.active ? undefined : 'm-dim'} data-code={p.code}>
                      <td className="m-nowrap">
                        <code>{p.code}</code>
                      </td>
                      <th scope="row">
                        {p.name}
                        {!p.active && <span className="m-badge m-badge-off ds-badge-gap">{text.inactive}</span>}
                      </th>
                      <td>{p.fieldName}</td>
                      <td>
                        <ul className="ds-rules">
                          {p.rules.map((r) => (
                            <li key={r.channel}>{describeRule(r, lang)}</li>
                          ))}
                        </ul>
                      </td>
                      <td className="m-num">{p.version}</td>
                      <td className="m-actions">
                        <button type="button" aria-label={fill(text.editLabel, { code: p.code })} onClick={() => setEditing(p)}>
                          {text.edit}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {editing && (
        <ProcedureEditor
          procedureId={editing.id}
          fields={info.fields}
          onClose={() => setEditing(null)}
          onSaved={(detail) => {
            setEditing(null);
            setNotice(fill(text.saved, { code: detail.code, version: detail.current.version }));
            void load(q);
          }}
        />
      )}
    </section>
  );
}
