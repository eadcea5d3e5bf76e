/**
 * Evidence files in the browser: pick files, upload each as raw bytes (the server checks what they are), and
 * list stored files as download links. Used by inspections, self-evaluation, reports and process documents.
 */
import { useId, useState } from 'react';
import { MAX_UPLOAD_BYTES, type StoredFileMeta } from '../../contracts/files';
import { ApiError } from './api';
import { fill, useText, type Dictionary } from './i18n';

const TEXT: Dictionary<'uploading' | 'tooLarge' | 'network' | 'remove' | 'none' | 'frozen' | 'printed' | 'by'> = {
  vi: {
    uploading: 'Đang tải lên {name}…',
    tooLarge: 'Tệp "{name}" lớn hơn {limit} MB cho phép.',
    network: 'Không kết nối được máy chủ, tệp "{name}" chưa được tải lên.',
    remove: 'Bỏ',
    none: 'Chưa có tệp.',
    frozen: 'bản chụp của hệ thống',
    printed: 'văn bản hệ thống lập',
    by: 'bởi',
  },
  en: {
    uploading: 'Uploading {name}…',
    tooLarge: 'The file "{name}" is larger than the {limit} MB allowed.',
    network: 'Cannot reach the server; "{name}" was not uploaded.',
    remove: 'Remove',
    none: 'No files yet.',
    frozen: 'frozen by the system',
    printed: 'produced by the system',
    by: 'by',
  },
};

/** Uploads one file; rejects with the server's message (in the user's language) when it is refused. */
export async function uploadFile(file: File): Promise<StoredFileMeta> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/files?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', file.name);
  }
  const data = (await response.json().catch(() => undefined)) as (StoredFileMeta & { error?: { code: never; message: string } }) | undefined;
  if (!response.ok) throw new ApiError(response.status, data?.error?.code ?? 'INTERNAL_ERROR', data?.error?.message ?? response.statusText);
  return data as StoredFileMeta;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A file input that uploads what is chosen, reports each stored file, and shows why one was refused. */
export function FilePicker({ label, onUploaded, disabled }: { label: string; onUploaded(file: StoredFileMeta): void; disabled?: boolean }) {
  const text = useText(TEXT);
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  const upload = async (files: FileList | null) => {
    if (!files) return;
    const problems: string[] = [];
    for (const file of Array.from(files)) {
      if (file.size > MAX_UPLOAD_BYTES) {
        problems.push(fill(text.tooLarge, { name: file.name, limit: MAX_UPLOAD_BYTES / 1024 / 1024 }));
        continue;
      }
      setBusy(file.name);
      try {
        onUploaded(await uploadFile(file));
      } catch (error) {
        problems.push(error instanceof ApiError && error.code === 'NETWORK' ? fill(text.network, { name: file.name }) : String((error as Error).message));
      }
    }
    setBusy(null);
    setErrors(problems);
  };

  // The browser's own file button speaks the browser's language; this one speaks the user's.
  return (
    <div className="m-file-picker">
      <label htmlFor={id} className={`m-file-button${disabled || busy !== null ? ' m-file-button-off' : ''}`}>
        {label}
      </label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        multiple
        disabled={disabled || busy !== null}
        onChange={(e) => {
          const input = e.currentTarget;
          void upload(input.files).then(() => {
            input.value = '';
          });
        }}
      />
      {busy && <span className="m-muted" role="status">{fill(text.uploading, { name: busy })}</span>}
      {errors.map((message) => (
        <p key={message} className="m-form-error" role="alert">
          {message}
        </p>
      ))}
    </div>
  );
}

/** Stored files as download links with their size and where they came from. */
export function FileList({ files, onRemove }: { files: readonly StoredFileMeta[]; onRemove?: (file: StoredFileMeta) => void }) {
  const text = useText(TEXT);
  if (files.length === 0) return <p className="m-muted">{text.none}</p>;
  return (
    <ul className="m-file-list">
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.url} download={f.name}>
            {f.name}
          </a>{' '}
          <span className="m-muted">
            ({formatSize(f.size)}
            {f.purpose === 'snapshot' ? `, ${text.frozen}` : f.purpose === 'document' ? `, ${text.printed}` : ''}
            {f.createdByName ? `, ${text.by} ${f.createdByName}` : ''})
          </span>
          {onRemove && (
            <button type="button" className="m-link-button" onClick={() => onRemove(f)} aria-label={`${text.remove} ${f.name}`}>
              {text.remove}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
