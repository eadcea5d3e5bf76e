/**
 * Small building blocks of the management console: labelled inputs with their hint, a modal
 * editor on the native <dialog> (focus stays inside, Esc closes), a confirmation dialog, and a hook
 * that runs an API call and keeps the server's message (already in the user's language).
 */
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { ApiError } from '../shared/api';
import { useText, type Dictionary } from '../shared/i18n';

const TEXT: Dictionary<'close' | 'cancel' | 'confirm' | 'saving' | 'save'> = {
  vi: { close: 'Đóng', cancel: 'Hủy bỏ', confirm: 'Đồng ý', saving: 'Đang lưu…', save: 'Lưu' },
  en: { close: 'Close', cancel: 'Cancel', confirm: 'Confirm', saving: 'Saving…', save: 'Save' },
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Runs one API call at a time and keeps its failure message for the form to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}

interface RowProps {
  label: ReactNode;
  /** What is wrong with the value (shown in red, read by screen readers with the input). */
  hint?: string | null | undefined;
  /** What the input means (shown in grey). */
  help?: ReactNode;
  className?: string;
}

function describedBy(id: string, hint: string | null | undefined, help: ReactNode) {
  const ids = [hint ? `${id}-hint` : null, help ? `${id}-help` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function RowNotes({ id, hint, help }: { id: string; hint: string | null | undefined; help: ReactNode }) {
  return (
    <>
      {help && (
        <span className="m-help" id={`${id}-help`}>
          {help}
        </span>
      )}
      {hint && (
        <span className="m-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </>
  );
}

export function TextField({ label, hint, help, className, ...input }: RowProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={`m-row ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={hint ? true : undefined} aria-describedby={describedBy(id, hint, help)} {...input} />
      <RowNotes id={id} hint={hint} help={help} />
    </div>
  );
}

export function TextArea({
  label,
  hint,
  help,
  className,
  ...input
}: RowProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className={`m-row ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={hint ? true : undefined} aria-describedby={describedBy(id, hint, help)} {...input} />
      <RowNotes id={id} hint={hint} help={help} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  help,
  className,
  options,
  ...select
}: RowProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const id = useId();
  return (
    <div className={`m-row ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={hint ? true : undefined} aria-describedby={describedBy(id, hint, help)} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <RowNotes id={id} hint={hint} help={help} />
    </div>
  );
}

export function CheckField({
  label,
  help,
  className,
  checked,
  onChange,
  disabled,
}: {
  label: ReactNode;
  help?: ReactNode;
  className?: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className={`m-row m-check ${className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {help && (
        <span className="m-help" id={`${id}-help`}>
          {help}
        </span>
      )}
    </div>
  );
}

/** The server's message next to the form it answers. */
export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="m-form-error" role="alert">
      {error}
    </p>
  );
}

export function Notice({ children, kind = 'ok' }: { children: ReactNode; kind?: 'ok' | 'info' | 'warn' }) {
  return (
    <p className={`m-notice m-notice-${kind}`} role="status">
      {children}
    </p>
  );
}

/** A modal editor. Esc or the close button calls onClose; focus returns to where it was. */
export function Modal({ title, onClose, children, wide }: { title: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  const text = useText(TEXT);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      previous?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`m-modal ${wide ? 'm-modal-wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="m-modal-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="m-icon-button" onClick={onClose} aria-label={text.close}>
          ×
        </button>
      </header>
      <div className="m-modal-body">{children}</div>
    </dialog>
  );
}

/** Save / cancel buttons at the foot of a form, with the server's message right above them. */
export function FormFooter({ busy, error, onCancel, saveLabel, disabled }: { busy: boolean; error: string | null; onCancel?: () => void; saveLabel?: string; disabled?: boolean }) {
  const text = useText(TEXT);
  return (
    <div className="m-form-foot">
      <FormError error={error} />
      <div className="m-buttons">
        <button type="submit" className="m-primary" disabled={busy || disabled}>
          {busy ? text.saving : (saveLabel ?? text.save)}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={busy}>
            {text.cancel}
          </button>
        )}
      </div>
    </div>
  );
}

interface ConfirmRequest {
  /** A sentence, or richer content (a list of what will happen). */
  message: ReactNode;
  confirmLabel: string;
  resolve(ok: boolean): void;
}

/** `const { confirm, dialog } = useConfirm()`; render `dialog`, then `if (await confirm(...))`. */
export function useConfirm() {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const confirm = useCallback(
    (message: ReactNode, confirmLabel: string) => new Promise<boolean>((resolve) => setRequest({ message, confirmLabel, resolve })),
    [],
  );
  const close = (ok: boolean) => {
    request?.resolve(ok);
    setRequest(null);
  };
  const dialog = request ? <ConfirmDialog message={request.message} confirmLabel={request.confirmLabel} onClose={close} /> : null;
  return { confirm, dialog };
}

function ConfirmDialog({ message, confirmLabel, onClose }: { message: ReactNode; confirmLabel: string; onClose(ok: boolean): void }) {
  const text = useText(TEXT);
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    // The safe choice has the focus: Enter alone never deletes anything.
    cancelRef.current?.focus();
    return () => {
      dialog?.close();
      previous?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="m-modal m-confirm"
      role="alertdialog"
      aria-describedby="m-confirm-message"
      onCancel={(e) => {
        e.preventDefault();
        onClose(false);
      }}
    >
      {typeof message === 'string' ? (
        <p id="m-confirm-message">{message}</p>
      ) : (
        <div id="m-confirm-message" className="m-confirm-body">
          {message}
        </div>
      )}
      <div className="m-buttons">
        <button type="button" className="m-danger" onClick={() => onClose(true)}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancelRef} onClick={() => onClose(false)}>
          {text.cancel}
        </button>
      </div>
    </dialog>
  );
}
