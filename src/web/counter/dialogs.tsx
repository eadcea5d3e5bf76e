/**
 * The console's dialogs, all keyboard-driven: a modal frame (native <dialog>, so the page behind is
 * inert and focus comes back when it closes), a list chooser (↑ ↓ Enter Esc, optional 1–9 quick
 * keys), a confirmation and the shortcut help.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { COUNTER_ACTIONS, SHORTCUTS } from './counter-actions';
import type { CounterText } from './counter-text';
import { moveSelection } from './counter-view';

export function Modal({
  title,
  onClose,
  children,
  onKeyDown,
  testId,
  wide,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  onKeyDown?: (e: KeyboardEvent<HTMLDialogElement>) => void;
  testId?: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    // showModal() focuses the first focusable element (often "Cancel"); move to the intended one.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'cc-dialog cc-dialog-wide' : 'cc-dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Handle Esc ourselves: the browser's own cancel can be swallowed on a second press.
          e.preventDefault();
          closeRef.current();
          return;
        }
        onKeyDown?.(e);
      }}
      onCancel={(e) => {
        e.preventDefault();
        closeRef.current();
      }}
    >
      <h2 id={titleId} className="cc-dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

export interface ListDialogProps<T> {
  title: string;
  hint: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** Heading shown above an item when it differs from the previous item's. */
  sectionOf?: (item: T) => string;
  onChoose: (item: T) => Promise<unknown> | void;
  onClose: () => void;
  empty: string;
  text: CounterText;
  /** The last server error, shown inside the dialog (the page behind is inert). */
  error?: string | null;
  /** Above the list, e.g. a filter box; give an input `data-list-keys` to let ↑ ↓ Enter through. */
  header?: ReactNode;
  /** Below the list, e.g. a free-text alternative. */
  footer?: ReactNode;
  /** Keys 1–9 choose the n-th item at once. */
  quickKeys?: boolean;
  testId?: string;
  autoFocusList?: boolean;
}

export function ListDialog<T>(props: ListDialogProps<T>) {
  const { items, text } = props;
  const [selected, setSelected] = useState(0);
  const [working, setWorking] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = useId();
  const index = Math.min(selected, Math.max(0, items.length - 1));

  useEffect(() => {
    // Focus once, when the dialog opens; a dialog with a filter box focuses that instead.
    if (props.autoFocusList !== false) listRef.current?.focus();
  }, []);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  const choose = async (item: T | undefined) => {
    if (item === undefined || working) return;
    setWorking(true);
    try {
      await props.onChoose(item);
    } finally {
      setWorking(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    const target = e.target as HTMLElement;
    const inList = target === listRef.current || target.hasAttribute('data-list-keys');
    if (!inList) return;
    const typing = target.tagName === 'INPUT';
    if (e.key === 'Enter') {
      e.preventDefault();
      void choose(items[index]);
      return;
    }
    if (typing && !['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'].includes(e.key)) return;
    const next = moveSelection(e.key, index, items.length);
    if (next !== null) {
      e.preventDefault();
      setSelected(next);
      return;
    }
    if (props.quickKeys && !typing && /^[1-9]$/.test(e.key)) {
      const n = Number(e.key) - 1;
      if (n < items.length) {
        e.preventDefault();
        setSelected(n);
        void choose(items[n]);
      }
    }
  };

  let lastSection: string | null = null;
  return (
    <Modal title={props.title} onClose={props.onClose} onKeyDown={onKeyDown} testId={props.testId}>
      <p className="cc-dialog-hint">{props.hint}</p>
      {props.header}
      {items.length === 0 ? (
        <p className="cc-empty">{props.empty}</p>
      ) : (
        <ul
          ref={listRef}
          className="cc-choices"
          role="listbox"
          id={listId}
          tabIndex={0}
          aria-label={props.title}
          aria-activedescendant={`${listId}-${index}`}
        >
          {items.map((item, i) => {
            const section = props.sectionOf?.(item) ?? null;
            const heading = section !== null && section !== lastSection ? section : null;
            lastSection = section;
            return [
              heading && (
                <li key={`h-${section}`} role="presentation" className="cc-choice-section">
                  {heading}
                </li>
              ),
              <li
                key={props.itemKey(item)}
                id={`${listId}-${i}`}
                data-index={i}
                role="option"
                aria-selected={i === index}
                className={i === index ? 'cc-choice selected' : 'cc-choice'}
                onClick={() => setSelected(i)}
                onDoubleClick={() => void choose(item)}
              >
                {props.quickKeys && i < 9 && <kbd className="cc-quick">{i + 1}</kbd>}
                {props.renderItem(item)}
              </li>,
            ];
          })}
        </ul>
      )}
      {props.footer}
      <p className="cc-dialog-error" role="alert" data-testid="dialog-error">
        {props.error}
      </p>
      <div className="cc-dialog-buttons">
        <button type="button" onClick={props.onClose}>
          {text.cancel}
        </button>
        <button type="button" className="primary" disabled={items.length === 0 || working} onClick={() => void choose(items[index])}>
          {text.confirm}
        </button>
      </div>
    </Modal>
  );
}

export function ConfirmDialog({
  title,
  message,
  onConfirm,
  onClose,
  text,
  error,
}: {
  title: string;
  message: string;
  onConfirm: () => Promise<unknown> | void;
  onClose: () => void;
  text: CounterText;
  error?: string | null;
}) {
  const [working, setWorking] = useState(false);
  const confirm = async () => {
    if (working) return;
    setWorking(true);
    try {
      await onConfirm();
    } finally {
      setWorking(false);
    }
  };
  return (
    <Modal title={title} onClose={onClose} testId="confirm-dialog">
      <p>{message}</p>
      <p className="cc-dialog-error" role="alert">
        {error}
      </p>
      <div className="cc-dialog-buttons">
        <button type="button" onClick={onClose}>
          {text.cancel}
        </button>
        <button type="button" className="primary" data-autofocus disabled={working} onClick={() => void confirm()}>
          {text.confirm}
        </button>
      </div>
    </Modal>
  );
}

export function HelpDialog({ text, onClose }: { text: CounterText; onClose: () => void }) {
  return (
    <Modal
      title={text.helpTitle}
      onClose={onClose}
      testId="help-dialog"
      wide
      onKeyDown={(e) => {
        if (e.key === '?') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <p>{text.helpIntro}</p>
      <ul className="cc-help">
        {COUNTER_ACTIONS.map((action) => (
          <li key={action}>
            <kbd>{SHORTCUTS[action]}</kbd>
            <span>
              {text[`action:${action}`]}
              {action === 'pause' && ` / ${text['action:resume-counter']}`}
            </span>
          </li>
        ))}
        <li>
          <kbd>?</kbd>
          <span>{text.help}</span>
        </li>
      </ul>
      <p>{text.helpDialogs}</p>
      <p className="cc-dialog-hint">{text.helpEsc}</p>
      <div className="cc-dialog-buttons">
        <button type="button" className="primary" data-autofocus onClick={onClose}>
          {text.close}
        </button>
      </div>
    </Modal>
  );
}
