/**
 * Pieces both the reception screen and the dossier detail use: the documents checklist, the
 * missing-items editor (Form 02 and supplement requests list every item with its reason) and the
 * buttons that open a printable form in a new tab (the session cookie authenticates the navigation).
 */
import { useState } from 'react';
import type { RequiredDocument } from '../../contracts/dossier';
import { CheckField } from '../manage/ui';
import { fill, useText } from '../shared/i18n';
import { formPath, itemsProblem, type MissingItemDraft } from './dossier-format';
import { TEXT, type DossiersText } from './dossiers-text';

export function MissingItemsEditor({ items, onChange }: { items: MissingItemDraft[]; onChange(items: MissingItemDraft[]): void }) {
  const text = useText(TEXT);
  const set = (index: number, patch: Partial<MissingItemDraft>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <fieldset className="m-fieldset d-items">
      <legend>{text.itemsLegend}</legend>
      <ol className="d-items-list">
        {items.map((item, i) => {
          const n = i + 1;
          return (
            <li key={i} className="d-item" data-testid="missing-item">
              <label className="d-item-field">
                <span>{fill(text.itemName, { n })}</span>
                <input value={item.name} maxLength={500} onChange={(e) => set(i, { name: e.target.value })} />
              </label>
              <label className="d-item-field">
                <span>{fill(text.itemReason, { n })}</span>
                <input value={item.reason} maxLength={1000} onChange={(e) => set(i, { reason: e.target.value })} />
              </label>
              <button type="button" className="d-item-remove" onClick={() => onChange(items.filter((_, j) => j !== i))}>
                {fill(text.removeItem, { n })}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...items, { name: '', reason: text.defaultReason }])}>
        + {text.addItem}
      </button>
    </fieldset>
  );
}

/** The editor's problem in words, or null when the items can be sent. */
export function itemsProblemText(items: readonly MissingItemDraft[], text: DossiersText): string | null {
  const problem = itemsProblem(items);
  if (!problem) return null;
  return problem.kind === 'empty' ? text.itemsEmpty : fill(text.itemIncomplete, { n: problem.row });
}

/** Opens the form in a new tab; if the browser blocks pop-ups, offers the link instead. */
export function PrintButton({ dossierId, form, label, primary }: { dossierId: string; form: string; label: string; primary?: boolean }) {
  const text = useText(TEXT);
  const [blocked, setBlocked] = useState(false);
  const href = formPath(dossierId, form);
  return (
    <span className="d-print">
      <button
        type="button"
        className={primary ? 'm-primary' : undefined}
        data-testid={`print-form-${form}`}
        onClick={() => setBlocked(window.open(href, '_blank') === null)}
      >
        {label}
      </button>
      {blocked && (
        <span className="d-print-blocked" role="status">
          {text.popupBlocked}{' '}
          <a href={href} target="_blank" rel="noopener">
            {href}
          </a>
        </span>
      )}
    </span>
  );
}

/** The documents of a procedure as checkboxes; mandatory ones are marked, for sight and screen readers. */
export function DocumentChecklist({
  documents,
  received,
  onToggle,
}: {
  documents: readonly RequiredDocument[];
  received: ReadonlySet<number>;
  onToggle(index: number, on: boolean): void;
}) {
  const text = useText(TEXT);
  return (
    <ol className="d-doc-list">
      {documents.map((doc, i) => (
        <li key={i}>
          <CheckField
            checked={received.has(i)}
            onChange={(on) => onToggle(i, on)}
            label={
              <>
                {doc.name}
                {doc.mandatory && (
                  <span className="d-mandatory">
                    {' '}
                    <span aria-hidden="true">*</span>
                    <span className="visually-hidden">({text.mandatoryMark})</span>
                  </span>
                )}
              </>
            }
            help={doc.copies || undefined}
          />
        </li>
      ))}
    </ol>
  );
}
