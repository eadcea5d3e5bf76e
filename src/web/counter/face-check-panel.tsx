/**
 * "Xác nhận khuôn mặt": the counter's optional camera check. Off by default and remembered per
 * counter on this PC. When on and a ticket is in hand (called or serving), the counter's webcam
 * collects several good frames with the kiosk's pipeline, averages them into one template, sends
 * only that template to POST /tickets/:id/face-check and shows the answer. A mismatch is a warning
 * for the officer; nothing here ever blocks the console. Key M checks again. The same panel opens
 * the erasure dialog (the citizen asks for their face data to be deleted).
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { FacePolicyView, Settings, TicketView } from '../../contracts/api';
import { api } from '../shared/api';
import { fill, useLang, useText } from '../shared/i18n';
import { CameraError, captureFace, loadPipeline, openCamera, stopCamera } from './face-camera';
import {
  FRAMES_NEEDED,
  INITIAL_PANEL,
  isRecheckKey,
  panelReducer,
  panelStorageKey,
  RECHECK_KEY,
  toneOf,
  type CameraStatus,
  type FaceCheckAnswer,
} from './face-capture';
import { FaceEraseDialog } from './face-erase-dialog';
import { FACE_TEXT } from './face-text';
import './face.css';

function readEnabled(counterId: string): boolean {
  try {
    return localStorage.getItem(panelStorageKey(counterId)) === 'on';
  } catch {
    return false;
  }
}

function writeEnabled(counterId: string, on: boolean): void {
  try {
    if (on) localStorage.setItem(panelStorageKey(counterId), 'on');
    else localStorage.removeItem(panelStorageKey(counterId));
  } catch {
    // Private mode or full storage: the choice lasts for this page only.
  }
}

export function formatScore(value: number, lang: 'vi' | 'en'): string {
  return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
}

export function FaceCheckPanel({
  counterId,
  ticket,
  hasFace,
  settings,
  policy,
}: {
  counterId: string;
  /** The ticket in hand when it is called or being served; null otherwise. */
  ticket: TicketView | null;
  /** Whether that ticket was taken with the face (from the counter's work view). */
  hasFace: boolean;
  settings: Settings;
  /** The face decisions in force (model, threshold) for this centre. */
  policy: FacePolicyView;
}) {
  const text = useText(FACE_TEXT);
  const { lang } = useLang();
  const [enabled, setEnabledState] = useState(() => readEnabled(counterId));
  const [camera, setCamera] = useState<CameraStatus>('off');
  const [state, dispatch] = useReducer(panelReducer, INITIAL_PANEL);
  const [erasing, setErasing] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const ticketId = ticket?.id ?? null;
  const ready = enabled && camera === 'ready';

  const setEnabled = (on: boolean) => {
    writeEnabled(counterId, on);
    setEnabledState(on);
  };

  // The camera and the recogniser, while the panel is on.
  useEffect(() => {
    if (!enabled) {
      setCamera('off');
      return;
    }
    let stream: MediaStream | null = null;
    let cancelled = false;
    setCamera('starting');
    void (async () => {
      try {
        const opened = await openCamera();
        if (cancelled) {
          stopCamera(opened);
          return;
        }
        stream = opened;
        // Unplugged, or taken by the system: say so instead of waiting for frames that never come.
        opened.getVideoTracks()[0]?.addEventListener('ended', () => {
          if (!cancelled) setCamera('no-camera');
        });
        const video = videoRef.current;
        if (video) {
          video.srcObject = opened;
          await video.play().catch(() => undefined);
        }
        try {
          await loadPipeline(policy.model);
        } catch {
          if (!cancelled) setCamera('model-failed');
          return;
        }
        if (!cancelled) setCamera('ready');
      } catch (e) {
        if (!cancelled) setCamera(e instanceof CameraError ? e.status : 'no-camera');
      }
    })();
    return () => {
      cancelled = true;
      stopCamera(stream);
      if (videoRef.current) videoRef.current.srcObject = null;
    };
  }, [enabled, policy.model]);

  // A new ticket in hand (or the camera becoming ready) starts a check.
  useEffect(() => {
    dispatch({ type: 'ticket', ticketId, cameraReady: ready, hasFace });
  }, [ticketId, ready, hasFace]);

  // The capture itself: runs while the state says so, pauses while the erasure dialog uses the camera.
  const capturingId = state.check.kind === 'capturing' ? state.check.ticketId : null;
  const captureRun = state.check.kind === 'capturing' && capturingId === ticketId && ready && !erasing ? capturingId : null;
  useEffect(() => {
    if (!captureRun || !videoRef.current) return;
    const controller = new AbortController();
    const id = captureRun;
    void (async () => {
      try {
        const outcome = await captureFace(videoRef.current!, {
          model: policy.model,
          signal: controller.signal,
          onProgress: (good, issue) => dispatch({ type: 'progress', ticketId: id, good, issue }),
        });
        if (outcome.kind === 'aborted') return;
        if (outcome.kind === 'gave-up') {
          dispatch({ type: 'gave-up', ticketId: id, issue: outcome.issue });
          return;
        }
        dispatch({ type: 'captured', ticketId: id });
        const answer = await api<FaceCheckAnswer>('POST', `/api/v1/tickets/${id}/face-check`, { capture: outcome.capture });
        dispatch({ type: 'answered', ticketId: id, result: answer.result, score: answer.score });
      } catch (e) {
        dispatch({ type: 'failed', ticketId: id, message: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => controller.abort();
  }, [captureRun, policy.model]);

  const recheck = useCallback(() => dispatch({ type: 'recheck', ticketId, cameraReady: ready }), [ticketId, ready]);

  // M checks again (outside text fields and dialogs, like the console's other single keys).
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isRecheckKey(e) || isEditable(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      recheck();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, recheck]);

  const check = state.check;
  const tone = toneOf(enabled ? camera : 'off', check);
  const threshold = formatScore(policy.threshold, lang);
  const cameraProblem = enabled && camera !== 'ready' && camera !== 'starting' && camera !== 'off';

  let headline: string;
  let note: string | null = null;
  let icon = '';
  if (!enabled) headline = text['camera:off'];
  else if (camera !== 'ready') headline = text[`camera:${camera}`];
  else {
    switch (check.kind) {
      case 'idle':
        headline = text.idle;
        break;
      case 'capturing':
        headline = fill(text.capturing, { good: check.good, needed: FRAMES_NEEDED });
        note = check.issue ? text[`issue:${check.issue}`] : null;
        break;
      case 'checking':
        headline = text.checking;
        break;
      case 'result':
        if (check.result === 'match') {
          icon = '✓';
          headline = text.match;
          note = text.matchNote;
        } else if (check.result === 'mismatch') {
          icon = '⚠';
          headline = text.mismatch;
          note = text.mismatchNote;
        } else {
          headline = text.noTemplate;
          note = text.noTemplateNote;
        }
        break;
      case 'gave-up':
        headline = text.gaveUp;
        note = check.issue ? text[`issue:${check.issue}`] : null;
        break;
      case 'failed':
        headline = fill(text.failed, { message: check.message });
        break;
    }
  }
  const score = check.kind === 'result' && check.score !== null ? fill(text.score, { score: formatScore(check.score, lang), threshold }) : null;

  return (
    <section className={`cc-panel cc-face tone-${tone}`} aria-labelledby="cc-face-title" data-testid="face-panel">
      <div className="cc-face-head">
        <h2 id="cc-face-title">{text.title}</h2>
        {/* A button, not a checkbox: the console's single keys keep working after it is pressed. */}
        <button
          type="button"
          role="switch"
          aria-checked={enabled}
          className="cc-switch"
          aria-label={text.switchLabel}
          title={text.switchLabel}
          onClick={() => setEnabled(!enabled)}
          data-testid="face-switch"
        >
          <span className="cc-switch-track" aria-hidden="true" />
          <span>{enabled ? text.turnOn : text.turnOff}</span>
        </button>
      </div>
      <div className="cc-face-body">
        <video
          ref={videoRef}
          className={ready ? 'cc-face-video' : 'cc-face-video hidden'}
          muted
          playsInline
          aria-label={text.videoLabel}
        />
        <div
          className="cc-face-verdict"
          role="status"
          aria-live="polite"
          aria-busy={tone === 'busy'}
          data-testid="face-verdict"
          data-state={!enabled ? 'off' : camera !== 'ready' ? `camera-${camera}` : check.kind === 'result' ? check.result : check.kind}
        >
          <p className="cc-face-headline">
            {icon && (
              <span className="cc-face-icon" aria-hidden="true">
                {icon}
              </span>
            )}
            {headline}
          </p>
          {note && <p className="cc-face-note">{note}</p>}
          {score && <p className="cc-face-score">{score}</p>}
          {enabled && !settings.faceEnabled && !cameraProblem && <p className="cc-face-note">{text.faceDisabledNote}</p>}
        </div>
      </div>
      <div className="cc-face-tools">
        {enabled && !cameraProblem && (
          <button
            type="button"
            onClick={recheck}
            disabled={!ready || !ticketId}
            aria-keyshortcuts={RECHECK_KEY}
            title={text.recheckHint}
            data-testid="face-recheck"
          >
            <kbd>{RECHECK_KEY}</kbd> {text.recheck}
          </button>
        )}
        <button type="button" className="cc-face-erase" onClick={() => setErasing(true)} data-testid="face-erase-open">
          {text.erase}
        </button>
      </div>
      {erasing && <FaceEraseDialog model={policy.model} onClose={() => setErasing(false)} />}
    </section>
  );
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
}
