/**
 * "Xóa dữ liệu khuôn mặt theo yêu cầu": the citizen, present at the counter, asks for their face
 * data to be deleted. The dialog says in one sentence what will go, captures the citizen's face
 * with the counter's camera (template only, kept in memory until sent or cancelled), asks the
 * officer to confirm, calls POST /face/erase and shows what was deleted.
 */
import { useEffect, useRef, useState } from 'react';
import type { FaceCapture } from '../../contracts/api';
import type { QualityIssue } from '../face/face-quality';
import { api, ApiError } from '../shared/api';
import { fill, useText } from '../shared/i18n';
import { Modal } from './dialogs';
import type { FaceModelId } from '../../contracts/face';
import { CameraError, captureFace, loadPipeline, openCamera, stopCamera } from './face-camera';
import { erasureLines, FRAMES_NEEDED, type CameraStatus, type FaceEraseAnswer } from './face-capture';
import { FACE_TEXT } from './face-text';

type Step =
  | { kind: 'intro' }
  | { kind: 'starting' }
  | { kind: 'capturing'; good: number; issue: QualityIssue | null }
  | { kind: 'gave-up'; issue: QualityIssue | null }
  | { kind: 'camera-problem'; status: Exclude<CameraStatus, 'off' | 'starting' | 'ready'> }
  | { kind: 'captured'; capture: FaceCapture }
  | { kind: 'sending' }
  | { kind: 'done'; result: FaceEraseAnswer }
  | { kind: 'not-found' }
  | { kind: 'failed'; message: string };

export function FaceEraseDialog({ model, onClose }: { model: FaceModelId; onClose: () => void }) {
  const text = useText(FACE_TEXT);
  const [step, setStep] = useState<Step>({ kind: 'intro' });
  const [attempt, setAttempt] = useState(0);
  const videoRef = useRef<HTMLVideoElement>(null);
  const wantsCamera = step.kind === 'starting' || step.kind === 'capturing';

  // Camera and capture for one attempt; the stream is closed as soon as the template is made.
  useEffect(() => {
    if (attempt === 0) return;
    const controller = new AbortController();
    let stream: MediaStream | null = null;
    void (async () => {
      try {
        const opened = await openCamera();
        stream = opened;
        if (controller.signal.aborted) return;
        try {
          await loadPipeline(model);
        } catch {
          if (!controller.signal.aborted) setStep({ kind: 'camera-problem', status: 'model-failed' });
          return;
        }
        if (controller.signal.aborted) return;
        const video = videoRef.current!;
        video.srcObject = opened;
        await video.play().catch(() => undefined);
        setStep({ kind: 'capturing', good: 0, issue: null });
        const outcome = await captureFace(video, {
          model,
          signal: controller.signal,
          onProgress: (good, issue) => setStep({ kind: 'capturing', good, issue }),
        });
        if (outcome.kind === 'aborted') return;
        setStep(outcome.kind === 'captured' ? { kind: 'captured', capture: outcome.capture } : { kind: 'gave-up', issue: outcome.issue });
      } catch (e) {
        if (controller.signal.aborted) return;
        if (e instanceof CameraError) setStep({ kind: 'camera-problem', status: e.status });
        else setStep({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      } finally {
        stopCamera(stream);
        if (videoRef.current) videoRef.current.srcObject = null;
      }
    })();
    return () => {
      controller.abort();
      stopCamera(stream);
    };
  }, [attempt, model]);

  const start = () => {
    setStep({ kind: 'starting' });
    setAttempt((n) => n + 1);
  };

  const erase = async (capture: FaceCapture) => {
    setStep({ kind: 'sending' });
    try {
      setStep({ kind: 'done', result: await api<FaceEraseAnswer>('POST', '/api/v1/face/erase', { capture }) });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'FACE_NOT_RECOGNISED') setStep({ kind: 'not-found' });
      else setStep({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const finished = step.kind === 'done' || step.kind === 'not-found';
  const canRetake = step.kind === 'captured' || step.kind === 'gave-up' || step.kind === 'camera-problem' || step.kind === 'failed';

  // Each step puts the focus on its safe next action (the button that had it may be gone).
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    bodyRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [step.kind]);

  return (
    <Modal title={text.eraseTitle} onClose={onClose} testId="face-erase-dialog">
      <p className="cc-erase-explain">{text.eraseExplain}</p>
      {!finished && <p className="cc-dialog-hint">{text.eraseCheckId}</p>}

      <video ref={videoRef} className={wantsCamera ? 'cc-erase-video' : 'cc-erase-video hidden'} muted playsInline aria-label={text.videoLabel} />

      <div className="cc-erase-status" role="status" aria-live="polite" data-testid="face-erase-status" data-step={step.kind}>
        {step.kind === 'starting' && <p>{text['camera:starting']}</p>}
        {step.kind === 'capturing' && (
          <>
            <p>{fill(text.eraseCapturing, { good: step.good, needed: FRAMES_NEEDED })}</p>
            {step.issue && <p className="cc-face-note">{text[`issue:${step.issue}`]}</p>}
          </>
        )}
        {step.kind === 'gave-up' && (
          <>
            <p className="cc-erase-problem">{text.eraseGaveUp}</p>
            {step.issue && <p className="cc-face-note">{text[`issue:${step.issue}`]}</p>}
          </>
        )}
        {step.kind === 'camera-problem' && <p className="cc-erase-problem">{fill(text.eraseCameraProblem, { problem: text[`camera:${step.status}`] })}</p>}
        {step.kind === 'captured' && (
          <>
            <p>{text.eraseCaptured}</p>
            <p className="cc-erase-confirm">{text.eraseConfirm}</p>
          </>
        )}
        {step.kind === 'sending' && <p>{text.eraseSending}</p>}
        {step.kind === 'done' && (
          <div className="cc-erase-done">
            <p className="cc-erase-headline">✓ {text.eraseDone}</p>
            <ul>
              {erasureLines(step.result).map((line) => (
                <li key={line.key}>{fill(text[line.key], { count: line.count })}</li>
              ))}
            </ul>
          </div>
        )}
        {step.kind === 'not-found' && (
          <div className="cc-erase-none">
            <p className="cc-erase-headline">{text.eraseNotFound}</p>
            <p className="cc-face-note">{text.eraseNotFoundNote}</p>
          </div>
        )}
        {step.kind === 'failed' && <p className="cc-erase-problem">{step.message}</p>}
      </div>

      <div className="cc-dialog-buttons" ref={bodyRef}>
        {finished ? (
          <button type="button" className="primary" data-autofocus onClick={onClose}>
            {text.close}
          </button>
        ) : (
          <>
            {canRetake && (
              <button type="button" onClick={start} data-autofocus={step.kind !== 'captured' ? true : undefined} data-testid="face-erase-capture">
                {text.eraseRetake}
              </button>
            )}
            {/* While capturing and before erasing, the safe choice has the focus: Enter alone deletes nothing. */}
            <button
              type="button"
              onClick={onClose}
              data-autofocus={step.kind === 'captured' || step.kind === 'starting' || step.kind === 'capturing' ? true : undefined}
              data-testid="face-erase-cancel"
            >
              {text.cancel}
            </button>
            {step.kind === 'intro' && (
              <button type="button" className="primary" data-autofocus onClick={start} data-testid="face-erase-capture">
                {text.eraseStart}
              </button>
            )}
            {step.kind === 'captured' && (
              <button type="button" className="danger" onClick={() => void erase(step.capture)} data-testid="face-erase-confirm">
                {text.eraseDo}
              </button>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
