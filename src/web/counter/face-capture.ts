/**
 * The counter's camera check, as pure logic: how good frames become one template (the same rule as
 * enrolment at the kiosk: several frames that passed the quality gate, averaged, consistent), how
 * a template is encoded for the API, and the panel's state machine (which ticket is being checked,
 * what the server answered). The browser parts (camera, pipeline) live in face-camera.ts.
 */
import type { z } from 'zod';
import type { FaceCapture, FaceCheckResult, FaceEraseResult } from '../../contracts/api';
import { FACE_FRAMES_PER_TEMPLATE } from '../../contracts/face';
import type { QualityIssue } from '../face/face-quality';
import { templateFromFrames } from '../face/face-template';

/** Good frames averaged into the template sent to the server. */
export const FRAMES_NEEDED = FACE_FRAMES_PER_TEMPLATE;
/**
 * Every frame must be at least this close (cosine) to the mean. Frames of one person in front of a
 * webcam agree above 0.95 with face-api's descriptor; another face leaning in falls well below.
 */
export const MIN_FRAME_AGREEMENT = 0.9;
/** A capture that has not found enough good frames by then stops, so the PC is not kept busy. */
export const CAPTURE_TIMEOUT_MS = 20_000;

/** What one analysed frame contributes (the part of FaceAnalysis the collector reads). */
export interface AnalysedFrame {
  quality: { ok: boolean; issues: readonly QualityIssue[] };
  template?: Float32Array;
}

export interface Collected {
  /** Descriptors of the good frames kept so far (newest last). */
  frames: Float32Array[];
  /** Why the last frame was not used (what the panel tells the officer), null after a good frame. */
  issue: QualityIssue | null;
}

export const EMPTY_COLLECTED: Collected = { frames: [], issue: null };

export type CollectStep = { done: false; collected: Collected } | { done: true; template: Float32Array; agreement: number };

/**
 * Adds one frame. Enough good, consistent frames give the template; a frame with several people
 * drops what was collected (the face in front of the camera may have changed), and inconsistent
 * frames slide out oldest first until the remaining ones agree.
 */
export function collectFrame(
  collected: Collected,
  frame: AnalysedFrame,
  needed = FRAMES_NEEDED,
  minAgreement = MIN_FRAME_AGREEMENT,
): CollectStep {
  if (!frame.quality.ok || !frame.template) {
    const issue = frame.quality.issues[0] ?? 'no-face';
    const frames = issue === 'several-faces' ? [] : collected.frames;
    return { done: false, collected: { frames, issue } };
  }
  const frames = [...collected.frames, frame.template].slice(-needed);
  if (frames.length < needed) return { done: false, collected: { frames, issue: null } };
  const result = templateFromFrames(frames, needed, minAgreement);
  if (result.ok) return { done: true, template: result.template, agreement: result.agreement };
  return { done: false, collected: { frames: frames.slice(1), issue: null } };
}

/** The template as the API takes it: base64 of float32 little-endian values. */
export function encodeTemplate(template: ArrayLike<number>): string {
  const bytes = new Uint8Array(template.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < template.length; i++) view.setFloat32(i * 4, template[i]!, true);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The capture sent to the server. The contract's `live: true` was written for the kiosk's active
 * liveness check; at the counter the officer, face to face with the citizen, is that check (no
 * blink or head turn is asked for here).
 */
export function toCapture(model: string, template: ArrayLike<number>): FaceCapture {
  return { model, template: encodeTemplate(template), live: true };
}

// ---------------------------------------------------------------------------------------------
// The panel's state
// ---------------------------------------------------------------------------------------------

/** The answers of POST /tickets/:id/face-check and POST /face/erase (types only: no zod in the page). */
export type FaceCheckAnswer = z.infer<typeof FaceCheckResult>;
export type FaceEraseAnswer = z.infer<typeof FaceEraseResult>;
export type CheckResult = FaceCheckAnswer['result'];

/** Where the camera and the recognition model are. */
export type CameraStatus =
  | 'off'
  | 'starting'
  | 'ready'
  /** No camera attached (or none the browser can see). */
  | 'no-camera'
  /** The browser or the person refused access to the camera. */
  | 'denied'
  /** Another program holds the camera. */
  | 'busy'
  /** The page is not a secure context (http:// on a LAN address): browsers hide the camera. */
  | 'insecure'
  /** The recognition model could not be loaded. */
  | 'model-failed';

export type Check =
  | { kind: 'idle' }
  | { kind: 'capturing'; ticketId: string; good: number; issue: QualityIssue | null }
  | { kind: 'checking'; ticketId: string }
  | { kind: 'result'; ticketId: string; result: CheckResult; score: number | null }
  | { kind: 'gave-up'; ticketId: string; issue: QualityIssue | null }
  | { kind: 'failed'; ticketId: string; message: string };

export interface PanelState {
  check: Check;
  /** Answers already given today, by ticket: a parked ticket that comes back is not checked again. */
  known: Record<string, { result: CheckResult; score: number | null }>;
}

export const INITIAL_PANEL: PanelState = { check: { kind: 'idle' }, known: {} };

export type PanelEvent =
  /** The ticket in hand (called or serving) changed, or the camera became ready: null = none. */
  | { type: 'ticket'; ticketId: string | null; cameraReady: boolean; hasFace?: boolean }
  /** The officer asked for a new check (key M or the button). */
  | { type: 'recheck'; ticketId: string | null; cameraReady: boolean }
  | { type: 'progress'; ticketId: string; good: number; issue: QualityIssue | null }
  | { type: 'captured'; ticketId: string }
  | { type: 'gave-up'; ticketId: string; issue: QualityIssue | null }
  | { type: 'answered'; ticketId: string; result: CheckResult; score: number | null }
  | { type: 'failed'; ticketId: string; message: string };

const KNOWN_LIMIT = 50;

function remember(known: PanelState['known'], ticketId: string, value: { result: CheckResult; score: number | null }) {
  const entries = Object.entries(known).filter(([id]) => id !== ticketId);
  entries.push([ticketId, value]);
  return Object.fromEntries(entries.slice(-KNOWN_LIMIT));
}

function ticketOf(check: Check): string | null {
  return check.kind === 'idle' ? null : check.ticketId;
}

/**
 * Pure reducer of the panel. A new ticket in hand starts a capture when the camera is ready
 * (unless its answer is already known); answers for a ticket that is no longer in hand are dropped.
 */
export function panelReducer(state: PanelState, event: PanelEvent): PanelState {
  switch (event.type) {
    case 'ticket': {
      if (!event.ticketId) return state.check.kind === 'idle' ? state : { ...state, check: { kind: 'idle' } };
      // Same ticket (called → serving, a view refresh): keep what is happening. A ticket that found
      // the camera not ready is still idle, and its capture starts once the camera is.
      if (ticketOf(state.check) === event.ticketId) return state;
      const known = state.known[event.ticketId];
      if (known) return { ...state, check: { kind: 'result', ticketId: event.ticketId, ...known } };
      // A number taken without the face has nothing to compare with: say so without a capture.
      if (event.hasFace === false) return { ...state, check: { kind: 'result', ticketId: event.ticketId, result: 'no-template', score: null } };
      return {
        ...state,
        check: event.cameraReady ? { kind: 'capturing', ticketId: event.ticketId, good: 0, issue: null } : { kind: 'idle' },
      };
    }
    case 'recheck': {
      if (!event.ticketId || !event.cameraReady) return state;
      if (state.check.kind === 'capturing' || state.check.kind === 'checking') {
        if (state.check.ticketId === event.ticketId) return state;
      }
      const { [event.ticketId]: _dropped, ...known } = state.known;
      return { known, check: { kind: 'capturing', ticketId: event.ticketId, good: 0, issue: null } };
    }
    case 'progress':
      if (state.check.kind !== 'capturing' || state.check.ticketId !== event.ticketId) return state;
      return { ...state, check: { ...state.check, good: event.good, issue: event.issue } };
    case 'captured':
      if (state.check.kind !== 'capturing' || state.check.ticketId !== event.ticketId) return state;
      return { ...state, check: { kind: 'checking', ticketId: event.ticketId } };
    case 'gave-up':
      if (state.check.kind !== 'capturing' || state.check.ticketId !== event.ticketId) return state;
      return { ...state, check: { kind: 'gave-up', ticketId: event.ticketId, issue: event.issue } };
    case 'answered': {
      const value = { result: event.result, score: event.score };
      const known = remember(state.known, event.ticketId, value);
      if (state.check.kind !== 'checking' || state.check.ticketId !== event.ticketId) return { ...state, known };
      return { known, check: { kind: 'result', ticketId: event.ticketId, ...value } };
    }
    case 'failed':
      if (ticketOf(state.check) !== event.ticketId || (state.check.kind !== 'checking' && state.check.kind !== 'capturing')) return state;
      return { ...state, check: { kind: 'failed', ticketId: event.ticketId, message: event.message } };
  }
}

/** The camera must run while the panel is on; frames are analysed only during a capture. */
export function isCapturing(state: PanelState, ticketId: string | null): boolean {
  return state.check.kind === 'capturing' && state.check.ticketId === ticketId;
}

/** How the panel's verdict looks: the officer reads the colour first. */
export type Tone = 'neutral' | 'busy' | 'ok' | 'warn' | 'problem';

export function toneOf(camera: CameraStatus, check: Check): Tone {
  if (camera === 'off') return 'neutral';
  if (camera !== 'ready' && camera !== 'starting') return 'problem';
  switch (check.kind) {
    case 'idle':
      return camera === 'starting' ? 'busy' : 'neutral';
    case 'capturing':
    case 'checking':
      return 'busy';
    case 'result':
      return check.result === 'match' ? 'ok' : check.result === 'mismatch' ? 'warn' : 'neutral';
    case 'gave-up':
    case 'failed':
      return 'problem';
  }
}

/** Where the panel's on/off choice is kept: per counter, on this PC. */
export function panelStorageKey(counterId: string): string {
  return `motcua.counter.face.${counterId}`;
}

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat: boolean;
}

/** The re-check key: M (mặt), read from the key or, under a Vietnamese input method, the physical key. */
export const RECHECK_KEY = 'M';

export function isRecheckKey(e: KeyLike): boolean {
  if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return false;
  if (e.key.length === 1 && /[a-z]/i.test(e.key)) return e.key.toUpperCase() === RECHECK_KEY;
  return e.code === `Key${RECHECK_KEY}`;
}

export type ErasureLineKey = 'eraseDoneRemembered' | 'eraseDoneNoRemembered' | 'eraseDoneWalkIns' | 'eraseDoneNoWalkIns';

/** What an erasure deleted, one line per kind of data (the officer reads it to the citizen). */
export function erasureLines(result: { remembered: number; walkIns: number }): { key: ErasureLineKey; count: number }[] {
  return [
    { key: result.remembered > 0 ? 'eraseDoneRemembered' : 'eraseDoneNoRemembered', count: result.remembered },
    { key: result.walkIns > 0 ? 'eraseDoneWalkIns' : 'eraseDoneNoWalkIns', count: result.walkIns },
  ];
}
