/**
 * The kiosk's flow as a pure state machine: `nextKioskState(state, event) → state`.
 *
 * Without the face (the centre has not enabled it, or there is no camera) the flow is the classic one:
 *
 *   attract ──wake/presence/key──▶ choosing-field ──select-field──▶ issuing ──issued──▶ showing-ticket
 *                                    │   ▲                           │                     │
 *                      ask-priority  ▼   │ select-priority / back    └─issue-failed─▶ error │
 *                                  choosing-priority                                        │
 *   ◀──────────────────────── timeout (inactivity), done, back ─────────────────────────────┘
 *
 * With the face on offer, a visit asks for consent first, and a number taken with the face waits
 * for the liveness check and the template (both come from the camera as events):
 *
 *   attract ─faces ≥ 2─▶ several-faces ("mời từng người một") ─faces = 1─┐
 *      └──presence / wake──────────────────────────────────────────────▶ consent
 *   consent ─declined─▶ choosing-field ─select─▶ issuing (face: declined, no template)
 *   consent ─today────▶ choosing-field ─select─▶ [gate] ─▶ issuing (face: today + template)
 *   consent ─remember─▶ remember-confirm ("ghi nhớ cho lần sau?") ─yes─▶ phone (4 digits) ─▶ choosing-field
 *            ─select─▶ [gate] ─▶ issuing (remember);   remember-confirm ─no─▶ as "today"
 *   (a second, distinct question: being remembered is never the result of a resting hand; see
 *    `needsDeliberateChoice`)
 *   [gate]: live + template + one face + recognition settled?  no ─▶ checking ("chớp mắt…")
 *            checking ─liveness not-live─▶ not-live ─retry─▶ checking | ─without-face─▶ issuing (declined)
 *            a remembered citizen recognised (candidate) ─▶ recognised (4 digits, or skip)
 *               ─▶ confirming ─ok─▶ results (if any) ─▶ issuing | ─wrong─▶ recognised + message
 *   issuing ─issued (reused: the same person's active number)─▶ showing-ticket
 *   issuing ─issued (reused on a face match: `reuseCheck`)─▶ reuse-confirm ("is this number yours?",
 *            the number and field only) ─mine─▶ showing-ticket (the page confirms it to the server)
 *                                        ─not mine─▶ issuing again (face.notMine: a new number)
 *                                        ─no answer (timeout, Escape)─▶ showing-ticket, as before
 *
 * Every input device speaks the same events: a touch on a tile and a camera gesture that dwelt on a
 * tile are both `select-field`; a number key and a hand pointing at a tile are both `highlight`;
 * Enter and a confirming nod are `confirm`; Escape is `back`; a face in front of an idle kiosk is
 * `presence`. The camera module only feeds events (faces, presence, liveness, captured,
 * track-reset); timers live in the page: it asks `timeoutFor(state)` and feeds `timeout` in.
 * Nothing here touches React, the DOM or the network. Only a template (base64 float32) is ever held
 * here, never an image, and only from the moment the citizen consented; a new visit forgets it.
 */
import type { IssuedTicket, IssueTicketInput } from '../../contracts/api';
import { FACE_FRAMES_PER_TEMPLATE, FALLBACK_FACE_MODEL_ID } from '../../contracts/face';
import { DEFAULT_LANG, type Lang } from '../../contracts/lang';

/** What the screens offer, in order: field ids (tiles) and priority group ids. */
export interface KioskMenu {
  fields: readonly string[];
  priorityGroups: readonly string[];
  /**
   * Taking the number with the face: `available` when the centre enables it and this kiosk's camera
   * and face models work; `remember` when citizens may also ask to be remembered. Absent: off.
   */
  face?: { available: boolean; remember: boolean };
}

export type FaceConsent = 'declined' | 'today' | 'remember';
export type IssueFace = NonNullable<IssueTicketInput['face']>;
export interface ReadyResult {
  dossierCode: string;
  counterNumber: number | null;
}

export type Recognition =
  /** Not asked yet for this face. */
  | { status: 'idle' }
  | { status: 'asking'; requestId: number }
  /** No remembered citizen matched (or the question does not apply). */
  | { status: 'none' }
  /** A remembered citizen may be in front of the kiosk: an opaque token, nothing personal. */
  | { status: 'candidate'; token: string }
  | { status: 'confirmed'; results: readonly ReadyResult[] }
  | { status: 'skipped' };

/** What this visit established: the citizen's choices and what the camera saw since. */
export interface FaceVisit {
  consent: FaceConsent | null;
  phoneHint: string | null;
  /** Faces near the kiosk now: 0, 1, or 2 for "several". */
  faces: number;
  /** The active liveness check passed for the face in front of the kiosk. */
  live: boolean;
  /** That face's template (base64 of float32 LE), captured only after consent. Never an image. */
  template: string | null;
  /** The recognition model that made the template (the centre's, when the camera started). */
  model: string | null;
  recognition: Recognition;
}

/** Where a chosen field is headed once the face steps are done. */
interface Chosen {
  fieldId: string;
  priorityGroupId: string | null;
}

export type KioskScreen =
  | { kind: 'attract' }
  /** More than one person close to the kiosk: "mời từng người một"; no capture meanwhile. */
  | { kind: 'several-faces' }
  /** The greeting and the three consent choices (`highlight` indexes `consentChoices`). */
  | { kind: 'consent'; highlight: number | null }
  /**
   * "Remember me" was chosen: asked again, on its own screen, before anything is remembered or even
   * described (`highlight` indexes REMEMBER_CONFIRM_CHOICES). No consent is recorded until answered.
   */
  | { kind: 'remember-confirm'; highlight: number | null }
  /** "Remember me": the last 4 digits of a phone, asked again before anything personal is shown. */
  | { kind: 'phone'; digits: string }
  /** `highlight` indexes the screen's choices: the field tiles, then the priority button (if any). */
  | { kind: 'choosing-field'; priorityGroupId: string | null; highlight: number | null }
  /** Choices: the priority groups, then "no, go back". */
  | { kind: 'choosing-priority'; priorityGroupId: string | null; highlight: number | null }
  /** Waiting for the liveness check and the template; `asked`: the prompt is on screen and spoken. */
  | ({ kind: 'checking'; asked: boolean } & Chosen)
  /** The check did not succeed (`reason`, for diagnostics only): try again, or take the number without the face. */
  | ({ kind: 'not-live'; highlight: number | null; reason: string } & Chosen)
  /** A neutral "have you registered? enter the last 4 digits of your phone" (or skip). */
  | ({ kind: 'recognised'; digits: string; message: string | null; closed: boolean } & Chosen)
  | ({ kind: 'confirming'; requestId: number; digits: string } & Chosen)
  /** Results ready for the confirmed citizen, and where to collect them. */
  | ({ kind: 'results'; results: readonly ReadyResult[] } & Chosen)
  /** `requestId` lets the page send each request once and ignore answers to abandoned ones. */
  | { kind: 'issuing'; fieldId: string; priorityGroupId: string | null; requestId: number; face: IssueFace | null }
  /**
   * A number given back on a face match: "is this yours?" (`highlight` indexes REUSE_CONFIRM_CHOICES).
   * Only the number and its field are shown. The request is kept to ask again if it is not theirs.
   */
  | ({ kind: 'reuse-confirm'; issued: IssuedTicket; highlight: number | null; face: IssueFace } & Chosen)
  /**
   * `reused`: the same person already held an active number for this field; it is shown again.
   * `reuseConfirmed`: the citizen said it is theirs; the page tells the server once (`requestId`).
   */
  | { kind: 'showing-ticket'; issued: IssuedTicket; reused: boolean; reuseConfirmed?: { requestId: number; token: string } }
  | { kind: 'error'; code: string; message: string };

/**
 * `lang`: the language of this visit. Every visit starts in Vietnamese; a visitor's switch to English
 * lasts until their visit ends (back to the idle screen), so the next citizen is greeted in Vietnamese.
 */
export type KioskState = KioskScreen & { menu: KioskMenu; lastRequestId: number; visit: FaceVisit; lang: Lang };

export type KioskEvent =
  /** The centre was (re)loaded, or the camera became (un)available: what is on offer changed. */
  | { type: 'menu-loaded'; menu: KioskMenu }
  /** A touch or key on the idle screen. */
  | { type: 'wake' }
  /** The camera sees one person standing close in front of the kiosk. */
  | { type: 'presence' }
  /** How many faces are close to the kiosk (2 = several). */
  | { type: 'faces'; count: number }
  /** A number key or a hand pointing at a choice: mark it, do not act yet. */
  | { type: 'highlight'; index: number }
  /** Arrow keys, a head turn. */
  | { type: 'move'; delta: number }
  /** Enter, a dwell or a nod on the marked choice: act on the highlighted choice. */
  | { type: 'confirm' }
  /** Escape: one screen back. */
  | { type: 'back' }
  | { type: 'select-consent'; consent: FaceConsent }
  /** The on-screen keypad or a number key: one digit, or erase the last one. */
  | { type: 'digit'; digit: string }
  | { type: 'erase' }
  /** A touch or a gesture on a field tile. */
  | { type: 'select-field'; fieldId: string }
  /** The secondary "I am in a priority group" button. */
  | { type: 'ask-priority' }
  | { type: 'select-priority'; priorityGroupId: string }
  | { type: 'clear-priority' }
  /** The camera's active liveness check decided for the face in front of the kiosk. */
  | { type: 'liveness'; verdict: 'live' | 'not-live'; reason: string }
  /** The camera averaged good frames of that face into a template (base64 float32 LE). */
  | { type: 'captured'; template: string; model: string }
  /** The face the camera followed left or was replaced: its liveness and template no longer count. */
  | { type: 'track-reset' }
  /** On the not-live screen: check again. */
  | { type: 'retry' }
  /** Take the number without the face (always one gesture away). */
  | { type: 'without-face' }
  /** Do not confirm a recognition; just take the number. */
  | { type: 'skip' }
  | { type: 'recognition-answer'; requestId: number; candidate: string | null }
  | { type: 'confirm-answer'; requestId: number; results: readonly ReadyResult[] }
  /** Wrong digits (`final`: no attempt left, or the recognition expired): the server's message. */
  | { type: 'confirm-failed'; requestId: number; message: string; final: boolean }
  | { type: 'issued'; requestId: number; issued: IssuedTicket }
  /** On "is this number yours?": a touch on one of the two answers. */
  | { type: 'reuse-answer'; answer: ReuseAnswer }
  | { type: 'issue-failed'; requestId: number; code: string; message: string }
  /** The language switch: for this visit only (a switch on the idle screen starts a visit). */
  | { type: 'set-lang'; lang: Lang }
  /** The ticket or error screen was dismissed by the citizen. */
  | { type: 'done' }
  /** No input for `timeoutFor(state)` milliseconds. */
  | { type: 'timeout' };

export const INACTIVITY_MS = {
  choosing: 30_000,
  ticket: 15_000,
  error: 10_000,
  /** A request that hangs this long is given up on; the citizen sees a calm error. */
  issuing: 20_000,
  /** Typing 4 digits on a keypad takes an elderly citizen longer than a choice. */
  typing: 45_000,
  /** Several people in front of an idle kiosk: back to the idle screen if nobody steps forward. */
  severalFaces: 15_000,
  /** "Is this number yours?" unanswered: the number stays on screen as a plain "you already have one". */
  reuseConfirm: 20_000,
} as const;

/**
 * Without a blink or head turn by then, the checking screen asks for one (on screen and by voice).
 * The evidence has been gathered since the person came close, so a live person is usually judged
 * before the checking screen even appears; by 2 s it is worth asking.
 */
export const LIVENESS_PROMPT_MS = 2_000;
/**
 * After asking, the check gives up (calmly: "try again / without the face") if the camera decided
 * nothing meanwhile (nobody in view, no template could be made). The camera itself says "not live"
 * 6 s after the request (camera/face-session.ts `limitMs`): a still photo is refused within that,
 * and nobody waits on "checking" longer than these 2 + 6 s.
 */
export const LIVENESS_GIVE_UP_MS = 6_000;

export const PHONE_DIGITS = 4;

export const FRESH_VISIT: FaceVisit = {
  consent: null,
  phoneHint: null,
  faces: 0,
  live: false,
  template: null,
  model: null,
  recognition: { status: 'idle' },
};

export function initialKioskState(menu: KioskMenu = { fields: [], priorityGroups: [] }): KioskState {
  return { kind: 'attract', menu, lastRequestId: 0, visit: FRESH_VISIT, lang: DEFAULT_LANG };
}

/** Whether this kiosk offers taking the number with the face right now. */
export function faceOffered(menu: KioskMenu): boolean {
  return menu.face?.available === true;
}

/** The consent screen's choices, in order ("remember" only where the centre allows it). */
export function consentChoices(menu: KioskMenu): FaceConsent[] {
  return menu.face?.remember ? ['today', 'remember', 'declined'] : ['today', 'declined'];
}

/** The not-live screen's choices, in order. */
export const NOT_LIVE_CHOICES = ['retry', 'without-face'] as const;

/** "Is this number yours?": yes, or no (a new number). */
export const REUSE_CONFIRM_CHOICES = ['mine', 'not-mine'] as const;
export type ReuseAnswer = (typeof REUSE_CONFIRM_CHOICES)[number];

/** The second question after "remember me": yes (remember), or no (the face for today only). */
export const REMEMBER_CONFIRM_CHOICES = ['remember', 'today'] as const satisfies readonly FaceConsent[];

/** How long the current screen waits without input before the page sends `timeout`; null: forever. */
export function timeoutFor(state: KioskState): number | null {
  switch (state.kind) {
    case 'attract':
      return null;
    case 'several-faces':
      return INACTIVITY_MS.severalFaces;
    case 'consent':
    case 'remember-confirm':
    case 'choosing-field':
    case 'choosing-priority':
    case 'not-live':
    case 'results':
      return INACTIVITY_MS.choosing;
    case 'phone':
    case 'recognised':
      return INACTIVITY_MS.typing;
    case 'checking':
      return state.asked ? LIVENESS_GIVE_UP_MS : LIVENESS_PROMPT_MS;
    case 'confirming':
    case 'issuing':
      return INACTIVITY_MS.issuing;
    case 'reuse-confirm':
      return INACTIVITY_MS.reuseConfirm;
    case 'showing-ticket':
      return INACTIVITY_MS.ticket;
    case 'error':
      return INACTIVITY_MS.error;
  }
}

/** Number of choices the highlight moves over on the current screen. */
export function choiceCount(state: KioskState): number {
  if (state.kind === 'choosing-field') return state.menu.fields.length + (state.menu.priorityGroups.length > 0 ? 1 : 0);
  if (state.kind === 'choosing-priority') return state.menu.priorityGroups.length + 1;
  if (state.kind === 'consent') return consentChoices(state.menu).length;
  if (state.kind === 'not-live') return NOT_LIVE_CHOICES.length;
  if (state.kind === 'remember-confirm') return REMEMBER_CONFIRM_CHOICES.length;
  if (state.kind === 'reuse-confirm') return REUSE_CONFIRM_CHOICES.length;
  return 0;
}

/**
 * Screens where a choice by gesture must be a deliberate act: a hand still resting where it was when
 * the screen appeared must not choose here, however long it rests. The camera then counts a dwell only
 * once the hand has moved away from that spot or was lowered and raised again (touchless.ts).
 */
export function needsDeliberateChoice(state: KioskState): boolean {
  // "Is this number yours?" too: a hand resting on the field it chose must not say "yes" for a number
  // that may be someone else's (the question exists to catch false matches).
  return state.kind === 'remember-confirm' || state.kind === 'reuse-confirm';
}

/** Whether the camera should follow a hand and head gestures (the screens where one chooses). */
export function isChoosingScreen(state: KioskState): boolean {
  return choiceCount(state) > 0;
}

/** Error shown when an issue request is abandoned after INACTIVITY_MS.issuing. */
export const ISSUE_TIMEOUT_CODE = 'TIMEOUT';

/**
 * Whether an input is the citizen acting on the current screen, which restarts its inactivity wait.
 * Input the screen ignores is not: a still photo moved in front of the camera reads as head turns,
 * and while the face is being checked those must not keep postponing the blink prompt.
 */
export function countsAsActivity(state: KioskState, event: KioskEvent): boolean {
  return nextKioskState(state, event) !== state;
}

export function nextKioskState(state: KioskState, event: KioskEvent): KioskState {
  if (event.type === 'menu-loaded') return withMenu(state, event.menu);

  const { menu } = state;
  const base = { menu, lastRequestId: state.lastRequestId, visit: state.visit, lang: state.lang };
  const withVisit = (visit: FaceVisit): KioskState => ({ ...state, visit });
  // The visit ends: what the camera gave is forgotten and the next visit starts in Vietnamese.
  const attract = (): KioskState => ({ menu, lastRequestId: state.lastRequestId, visit: FRESH_VISIT, lang: DEFAULT_LANG, kind: 'attract' });
  const choosingField = (priorityGroupId: string | null, highlight: number | null = null, visit = state.visit): KioskState => ({
    ...base,
    visit,
    kind: 'choosing-field',
    priorityGroupId,
    highlight,
  });
  const consent = (visit: FaceVisit = state.visit): KioskState => ({ ...base, visit, kind: 'consent', highlight: null });
  const face = faceOffered(menu);

  if (event.type === 'set-lang') {
    if (state.kind === 'attract') {
      // Someone touched the language switch: their visit starts, in the language they chose.
      const woken = nextKioskState(state, { type: 'wake' });
      return { ...woken, lang: event.lang };
    }
    return event.lang === state.lang ? state : { ...state, lang: event.lang };
  }

  // What the camera reports updates the visit on every screen of a visit (and may move it on).
  if (event.type === 'faces' || event.type === 'liveness' || event.type === 'captured' || event.type === 'track-reset' || event.type === 'recognition-answer') {
    if (state.kind === 'attract') {
      if (event.type !== 'faces' || event.count === state.visit.faces) return state;
      if (event.count >= 2 && face) return { ...base, visit: { ...FRESH_VISIT, faces: event.count }, kind: 'several-faces' };
      return withVisit({ ...FRESH_VISIT, faces: event.count });
    }
    if (state.kind === 'showing-ticket' || state.kind === 'issuing' || state.kind === 'reuse-confirm' || state.kind === 'error') {
      return event.type === 'faces' ? withVisit({ ...state.visit, faces: event.count }) : state;
    }
    if (state.kind === 'several-faces') {
      if (event.type !== 'faces') return state;
      if (event.count === 0) return attract();
      if (event.count === 1) return consent({ ...FRESH_VISIT, faces: 1 });
      return withVisit({ ...state.visit, faces: event.count });
    }
    const observed = observe(state, event);
    if (observed === null) return state;
    // The recognition question goes out by itself once it is due (the page sends it for the id).
    const lastRequestId = recognitionDue(state.kind, menu, observed) ? state.lastRequestId + 1 : state.lastRequestId;
    const visit: FaceVisit =
      lastRequestId !== state.lastRequestId ? { ...observed, recognition: { status: 'asking', requestId: lastRequestId } } : observed;
    const updated = { menu, lastRequestId, visit, lang: state.lang };
    if (state.kind === 'checking') {
      if (event.type === 'liveness' && event.verdict === 'not-live') {
        return { ...updated, kind: 'not-live', fieldId: state.fieldId, priorityGroupId: state.priorityGroupId, highlight: null, reason: event.reason };
      }
      return gate({ ...state, ...updated }, state, state.asked);
    }
    return { ...state, ...updated };
  }

  switch (state.kind) {
    case 'attract':
      if (face) {
        switch (event.type) {
          case 'wake':
          case 'presence':
          case 'highlight':
          case 'confirm':
          case 'move':
            return consent();
          default:
            return state;
        }
      }
      switch (event.type) {
        case 'wake':
        case 'presence':
          return choosingField(null);
        case 'highlight':
          return choosingField(null, inRange(event.index, state.menu.fields.length));
        case 'confirm':
        case 'move':
          return choosingField(null);
        default:
          // The idle screen shows no tiles, so nothing there can issue a number.
          return state;
      }

    case 'several-faces':
      switch (event.type) {
        case 'wake':
        case 'confirm':
        case 'highlight':
          // Someone stepped up and touched: let them start (the banner keeps asking the others).
          return face ? consent() : choosingField(null);
        case 'back':
        case 'timeout':
          return attract();
        default:
          return state;
      }

    case 'consent': {
      const choices = consentChoices(menu);
      switch (event.type) {
        case 'highlight':
          return { ...state, highlight: inRange(event.index, choices.length) };
        case 'move':
          return { ...state, highlight: moveHighlight(state.highlight, event.delta, choices.length) };
        case 'confirm': {
          const chosen = state.highlight === null ? undefined : choices[state.highlight];
          return chosen ? chooseConsent(state, chosen) : state;
        }
        case 'select-consent':
          return choices.includes(event.consent) ? chooseConsent(state, event.consent) : state;
        case 'without-face':
          return chooseConsent(state, 'declined');
        case 'back':
        case 'timeout':
          return attract();
        default:
          return state;
      }
    }

    case 'remember-confirm': {
      const act = (choice: FaceConsent): KioskState => chooseConsent(state, choice);
      switch (event.type) {
        case 'highlight':
          return { ...state, highlight: inRange(event.index, REMEMBER_CONFIRM_CHOICES.length) };
        case 'move':
          return { ...state, highlight: moveHighlight(state.highlight, event.delta, REMEMBER_CONFIRM_CHOICES.length) };
        case 'confirm': {
          const chosen = state.highlight === null ? undefined : REMEMBER_CONFIRM_CHOICES[state.highlight];
          return chosen ? act(chosen) : state;
        }
        case 'select-consent':
          return act(event.consent);
        case 'without-face':
          return act('declined');
        case 'back':
          return consent();
        case 'timeout':
          return attract();
        default:
          return state;
      }
    }

    case 'phone':
      switch (event.type) {
        case 'digit':
          return /^\d$/.test(event.digit) && state.digits.length < PHONE_DIGITS ? { ...state, digits: state.digits + event.digit } : state;
        case 'erase':
          return state.digits ? { ...state, digits: state.digits.slice(0, -1) } : state;
        case 'confirm':
          if (state.digits.length !== PHONE_DIGITS) return state;
          return choosingField(null, null, { ...state.visit, consent: 'remember', phoneHint: state.digits });
        case 'back':
          return consent({ ...state.visit, consent: null, phoneHint: null, template: null });
        case 'without-face':
          return chooseConsent(state, 'declined');
        case 'timeout':
          return attract();
        default:
          return state;
      }

    case 'choosing-field': {
      const count = choiceCount(state);
      switch (event.type) {
        case 'highlight':
          return { ...state, highlight: inRange(event.index, count) };
        case 'move':
          return { ...state, highlight: moveHighlight(state.highlight, event.delta, count) };
        case 'confirm': {
          if (state.highlight === null) return state;
          const fieldId = state.menu.fields[state.highlight];
          if (fieldId !== undefined) return afterChoice(state, { fieldId, priorityGroupId: state.priorityGroupId });
          return nextKioskState(state, { type: 'ask-priority' });
        }
        case 'select-field':
          return afterChoice(state, { fieldId: event.fieldId, priorityGroupId: state.priorityGroupId });
        case 'ask-priority':
          if (state.menu.priorityGroups.length === 0) return state;
          return {
            ...base,
            kind: 'choosing-priority',
            priorityGroupId: state.priorityGroupId,
            highlight: state.priorityGroupId ? state.menu.priorityGroups.indexOf(state.priorityGroupId) : null,
          };
        case 'clear-priority':
          return { ...state, priorityGroupId: null };
        case 'back':
          // First back undoes the priority choice, the next leaves.
          return state.priorityGroupId ? { ...state, priorityGroupId: null } : attract();
        case 'timeout':
          return attract();
        default:
          return state;
      }
    }

    case 'choosing-priority': {
      const groups = state.menu.priorityGroups;
      const backToFields = (priorityGroupId: string | null): KioskState => choosingField(priorityGroupId);
      switch (event.type) {
        case 'highlight':
          return { ...state, highlight: inRange(event.index, choiceCount(state)) };
        case 'move':
          return { ...state, highlight: moveHighlight(state.highlight, event.delta, choiceCount(state)) };
        case 'confirm': {
          if (state.highlight === null) return state;
          // The last choice is "no, go back": it keeps what was chosen before.
          return backToFields(groups[state.highlight] ?? state.priorityGroupId);
        }
        case 'select-priority':
          return groups.includes(event.priorityGroupId) ? backToFields(event.priorityGroupId) : state;
        case 'clear-priority':
          return backToFields(null);
        case 'back':
          return backToFields(state.priorityGroupId);
        case 'timeout':
          return attract();
        default:
          return state;
      }
    }

    case 'checking':
      switch (event.type) {
        case 'timeout':
          if (!state.asked) return gate({ ...state, asked: true }, state, true);
          return { ...base, kind: 'not-live', fieldId: state.fieldId, priorityGroupId: state.priorityGroupId, highlight: null, reason: 'no-answer' };
        case 'without-face':
          return issue(state, state, declined());
        case 'back':
          return choosingField(state.priorityGroupId);
        default:
          return state;
      }

    case 'not-live': {
      const act = (choice: (typeof NOT_LIVE_CHOICES)[number]): KioskState =>
        choice === 'retry'
          ? { ...base, kind: 'checking', fieldId: state.fieldId, priorityGroupId: state.priorityGroupId, asked: true }
          : issue(state, state, declined());
      switch (event.type) {
        case 'highlight':
          return { ...state, highlight: inRange(event.index, NOT_LIVE_CHOICES.length) };
        case 'move':
          return { ...state, highlight: moveHighlight(state.highlight, event.delta, NOT_LIVE_CHOICES.length) };
        case 'confirm': {
          const chosen = state.highlight === null ? undefined : NOT_LIVE_CHOICES[state.highlight];
          return chosen ? act(chosen) : state;
        }
        case 'retry':
          return act('retry');
        case 'without-face':
          return act('without-face');
        case 'back':
          return choosingField(state.priorityGroupId);
        case 'timeout':
          return attract();
        default:
          return state;
      }
    }

    case 'recognised':
      switch (event.type) {
        case 'digit':
          if (state.closed || !/^\d$/.test(event.digit) || state.digits.length >= PHONE_DIGITS) return state;
          return { ...state, digits: state.digits + event.digit };
        case 'erase':
          return state.digits ? { ...state, digits: state.digits.slice(0, -1) } : state;
        case 'confirm': {
          if (state.closed) return skipRecognition(state);
          const recognition = state.visit.recognition;
          if (state.digits.length !== PHONE_DIGITS || recognition.status !== 'candidate') return state;
          const requestId = state.lastRequestId + 1;
          return {
            ...base,
            lastRequestId: requestId,
            kind: 'confirming',
            requestId,
            digits: state.digits,
            fieldId: state.fieldId,
            priorityGroupId: state.priorityGroupId,
          };
        }
        case 'skip':
        case 'back':
          return skipRecognition(state);
        case 'without-face':
          return issue(state, state, declined());
        case 'timeout':
          return attract();
        default:
          return state;
      }

    case 'confirming':
      switch (event.type) {
        case 'confirm-answer': {
          if (event.requestId !== state.requestId) return state;
          const visit: FaceVisit = { ...state.visit, recognition: { status: 'confirmed', results: event.results } };
          if (event.results.length > 0) {
            return { ...base, visit, kind: 'results', results: event.results, fieldId: state.fieldId, priorityGroupId: state.priorityGroupId };
          }
          return gate({ ...state, visit }, state, true);
        }
        case 'confirm-failed': {
          if (event.requestId !== state.requestId) return state;
          const visit: FaceVisit = event.final ? { ...state.visit, recognition: { status: 'none' } } : state.visit;
          return {
            ...base,
            visit,
            kind: 'recognised',
            digits: '',
            message: event.message,
            closed: event.final,
            fieldId: state.fieldId,
            priorityGroupId: state.priorityGroupId,
          };
        }
        case 'timeout':
          return {
            ...base,
            visit: { ...state.visit, recognition: { status: 'none' } },
            kind: 'recognised',
            digits: '',
            message: null,
            closed: true,
            fieldId: state.fieldId,
            priorityGroupId: state.priorityGroupId,
          };
        default:
          return state;
      }

    case 'results':
      switch (event.type) {
        case 'confirm':
        case 'done':
        case 'skip':
          return gate(state, state, true);
        case 'timeout':
          return attract();
        default:
          return state;
      }

    case 'issuing':
      switch (event.type) {
        case 'issued': {
          if (event.requestId !== state.requestId) return state;
          const { issued } = event;
          // Given back on a face match: the citizen confirms it is theirs before it counts as such.
          if (issued.reused && issued.reuseCheck && state.face?.capture) {
            return { ...base, kind: 'reuse-confirm', issued, highlight: null, face: state.face, fieldId: state.fieldId, priorityGroupId: state.priorityGroupId };
          }
          return { ...base, kind: 'showing-ticket', issued, reused: issued.reused === true };
        }
        case 'issue-failed':
          return event.requestId === state.requestId
            ? { ...base, kind: 'error', code: event.code, message: event.message }
            : state;
        case 'timeout':
          return { ...base, kind: 'error', code: ISSUE_TIMEOUT_CODE, message: '' };
        default:
          // Touches while the number is being issued must not issue a second one.
          return state;
      }

    case 'reuse-confirm': {
      const keep = (): KioskState => ({ ...base, kind: 'showing-ticket', issued: state.issued, reused: true });
      const act = (answer: ReuseAnswer): KioskState => {
        const token = state.issued.reuseCheck?.token;
        if (!token) return keep();
        if (answer === 'not-mine') return issue(state, state, { ...state.face, notMine: token });
        const requestId = state.lastRequestId + 1;
        return { ...base, lastRequestId: requestId, kind: 'showing-ticket', issued: state.issued, reused: true, reuseConfirmed: { requestId, token } };
      };
      switch (event.type) {
        case 'highlight':
          return { ...state, highlight: inRange(event.index, REUSE_CONFIRM_CHOICES.length) };
        case 'move':
          return { ...state, highlight: moveHighlight(state.highlight, event.delta, REUSE_CONFIRM_CHOICES.length) };
        case 'confirm': {
          const chosen = state.highlight === null ? undefined : REUSE_CONFIRM_CHOICES[state.highlight];
          return chosen ? act(chosen) : state;
        }
        case 'reuse-answer':
          return act(event.answer);
        case 'back':
        case 'timeout':
          // No answer: the number stays shown, as a plain "you already have a number" (the server counts
          // the question as unanswered).
          return keep();
        default:
          return state;
      }
    }

    case 'showing-ticket':
      switch (event.type) {
        case 'done':
        case 'confirm':
        case 'back':
        case 'timeout':
          return attract();
        default:
          return state;
      }

    case 'error':
      switch (event.type) {
        case 'done':
        case 'confirm':
        case 'back':
          // The citizen is still there: let them pick another field.
          return choosingField(null);
        case 'timeout':
          return attract();
        default:
          return state;
      }
  }
}

/** What the consent choice leads to: the keypad for "remember", else the fields. */
function chooseConsent(state: KioskState, consent: FaceConsent): KioskState {
  const base = { menu: state.menu, lastRequestId: state.lastRequestId, lang: state.lang };
  if (consent === 'remember') {
    if (!state.menu.face?.remember) return state;
    // First "remember me" only opens the second question; its "yes" is the consent, the digits complete it.
    if (state.kind !== 'remember-confirm') return { ...base, visit: state.visit, kind: 'remember-confirm', highlight: null };
    return { ...base, visit: { ...state.visit, consent, phoneHint: null }, kind: 'phone', digits: '' };
  }
  // Declining forgets anything the camera captured for this visit (nothing is captured before consent).
  const visit: FaceVisit = consent === 'declined' ? { ...state.visit, consent, phoneHint: null, template: null } : { ...state.visit, consent, phoneHint: null };
  return { ...base, visit, kind: 'choosing-field', priorityGroupId: null, highlight: null };
}

/** A field was chosen: issue at once without the face, or go through the face steps. */
function afterChoice(state: KioskState, chosen: Chosen): KioskState {
  if (!state.menu.fields.includes(chosen.fieldId)) return state;
  const consent = state.visit.consent;
  if (!faceOffered(state.menu) || consent === null) return issue(state, chosen, null);
  if (consent === 'declined') return issue(state, chosen, declined());
  return gate(state, chosen, false);
}

/**
 * The face steps before a number: a live face with its template, alone in front of the kiosk, and
 * (when citizens may be remembered) the recognition answered and, if it found someone, confirmed or
 * skipped. Whatever is missing is waited for on the checking screen.
 */
function gate(state: KioskState, chosen: Chosen, asked: boolean): KioskState {
  const { visit } = state;
  const base = { menu: state.menu, lastRequestId: state.lastRequestId, visit, lang: state.lang };
  const checking = (): KioskState => ({ ...base, kind: 'checking', fieldId: chosen.fieldId, priorityGroupId: chosen.priorityGroupId, asked });
  if (!visit.live || visit.template === null || visit.faces > 1) return checking();
  const recognition = visit.recognition;
  if (state.menu.face?.remember) {
    if (recognition.status === 'idle' || recognition.status === 'asking') return checking();
    if (recognition.status === 'candidate') {
      return { ...base, kind: 'recognised', digits: '', message: null, closed: false, fieldId: chosen.fieldId, priorityGroupId: chosen.priorityGroupId };
    }
  }
  // Someone already remembered and confirmed now is not remembered twice.
  const consent = visit.consent === 'remember' && recognition.status === 'confirmed' ? 'today' : visit.consent ?? 'today';
  const face: IssueFace = {
    consent,
    // The camera averages FACE_FRAMES_PER_TEMPLATE good frames: the server gives a held number back only then.
    capture: { model: visit.model ?? FALLBACK_FACE_MODEL_ID, template: visit.template, live: true, frames: FACE_FRAMES_PER_TEMPLATE },
    ...(consent === 'remember' && visit.phoneHint ? { phoneHint: visit.phoneHint } : {}),
  };
  return issue(state, chosen, face);
}

function skipRecognition(state: Extract<KioskState, { kind: 'recognised' }>): KioskState {
  const recognition: Recognition = state.visit.recognition.status === 'candidate' ? { status: 'skipped' } : state.visit.recognition;
  return gate({ ...state, visit: { ...state.visit, recognition } }, state, true);
}

function declined(): IssueFace {
  return { consent: 'declined' };
}

function issue(state: KioskState, chosen: Chosen, face: IssueFace | null): KioskState {
  if (!state.menu.fields.includes(chosen.fieldId)) return state;
  const requestId = state.lastRequestId + 1;
  // A number without the face keeps no template, even in memory.
  const visit = face?.capture ? state.visit : { ...state.visit, template: null };
  return {
    kind: 'issuing',
    fieldId: chosen.fieldId,
    priorityGroupId: chosen.priorityGroupId,
    requestId,
    face,
    menu: state.menu,
    lastRequestId: requestId,
    visit,
    lang: state.lang,
  };
}

/**
 * The visit after a camera report, or null when the report changes nothing. A template is only
 * taken once the citizen consented; the recognition question is asked once the template exists.
 */
function observe(
  state: KioskState,
  event: Extract<KioskEvent, { type: 'faces' | 'liveness' | 'captured' | 'track-reset' | 'recognition-answer' }>,
): FaceVisit | null {
  const visit = state.visit;
  switch (event.type) {
    case 'faces':
      return event.count === visit.faces ? null : { ...visit, faces: event.count };
    case 'liveness':
      if (event.verdict === 'live') return visit.live ? null : { ...visit, live: true };
      // "Not live" only matters while the kiosk is checking (the page feeds it there).
      return state.kind === 'checking' ? visit : null;
    case 'track-reset': {
      const recognition: Recognition = visit.recognition.status === 'asking' || visit.recognition.status === 'none' ? { status: 'idle' } : visit.recognition;
      return { ...visit, live: false, template: null, recognition };
    }
    case 'captured':
      // Nothing is kept before the citizen said yes (the camera does not even describe the face).
      if (visit.consent !== 'today' && visit.consent !== 'remember') return null;
      return { ...visit, template: event.template, model: event.model };
    case 'recognition-answer': {
      if (visit.recognition.status !== 'asking' || visit.recognition.requestId !== event.requestId) return null;
      return { ...visit, recognition: event.candidate ? { status: 'candidate', token: event.candidate } : { status: 'none' } };
    }
  }
}

/**
 * Whether the recognition question is due: once per face, when citizens may be remembered, the
 * citizen consented, and the face is alone, live and has its template (a capture always says
 * `live: true`). The machine then marks it `asking` with a request id; the page sends the request
 * and feeds `recognition-answer`.
 */
function recognitionDue(kind: KioskState['kind'], menu: KioskMenu, v: FaceVisit): boolean {
  return (
    menu.face?.remember === true &&
    (v.consent === 'today' || v.consent === 'remember') &&
    v.live &&
    v.template !== null &&
    v.faces <= 1 &&
    v.recognition.status === 'idle' &&
    kind !== 'attract' &&
    kind !== 'issuing' &&
    kind !== 'reuse-confirm' &&
    kind !== 'showing-ticket'
  );
}

/** Applies a new menu, dropping choices that no longer exist. */
function withMenu(state: KioskState, menu: KioskMenu): KioskState {
  const next = { ...state, menu } as KioskState;
  const faceLost = faceOffered(state.menu) && !faceOffered(menu);
  if (faceLost) {
    // The camera or the setting went away: carry on as a kiosk without the face.
    const visit: FaceVisit = { ...FRESH_VISIT };
    switch (next.kind) {
      case 'several-faces':
        return { kind: 'attract', menu, lastRequestId: state.lastRequestId, visit, lang: DEFAULT_LANG };
      case 'consent':
      case 'remember-confirm':
      case 'phone':
      case 'checking':
      case 'not-live':
        return withMenu({ kind: 'choosing-field', priorityGroupId: null, highlight: null, menu, lastRequestId: state.lastRequestId, visit, lang: state.lang }, menu);
      default:
        break;
    }
  }
  if (next.kind === 'consent') {
    return { ...next, highlight: inRange(next.highlight, choiceCount(next)) };
  }
  if ((next.kind === 'phone' || next.kind === 'remember-confirm') && !menu.face?.remember) {
    return { kind: 'consent', highlight: null, menu, lastRequestId: state.lastRequestId, visit: { ...state.visit, consent: null, phoneHint: null, template: null }, lang: state.lang };
  }
  if (next.kind === 'choosing-field') {
    const priorityGroupId =
      next.priorityGroupId && menu.priorityGroups.includes(next.priorityGroupId) ? next.priorityGroupId : null;
    return { ...next, priorityGroupId, highlight: inRange(next.highlight, choiceCount(next)) };
  }
  if (next.kind === 'choosing-priority') {
    if (menu.priorityGroups.length === 0) {
      return { kind: 'choosing-field', priorityGroupId: null, highlight: null, menu, lastRequestId: state.lastRequestId, visit: state.visit, lang: state.lang };
    }
    const priorityGroupId =
      next.priorityGroupId && menu.priorityGroups.includes(next.priorityGroupId) ? next.priorityGroupId : null;
    return { ...next, priorityGroupId, highlight: inRange(next.highlight, choiceCount(next)) };
  }
  return next;
}

function inRange(index: number | null, count: number): number | null {
  if (index === null || !Number.isInteger(index) || index < 0 || index >= count) return null;
  return index;
}

function moveHighlight(current: number | null, delta: number, count: number): number | null {
  if (count === 0) return null;
  if (current === null) return delta >= 0 ? 0 : count - 1;
  return (((current + delta) % count) + count) % count;
}

/**
 * What a key press means on the current screen (keyboards and numeric keypads). Number keys name
 * the tiles (1 = first); Enter confirms the marked tile; Escape goes back; arrows move the mark.
 * On the keypad screens digits are digits and Backspace erases one.
 * Returns null for keys the kiosk leaves alone (Tab, modifiers).
 */
const PASSIVE_KEYS = new Set(['Tab', 'Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn']);

export function eventForKey(key: string, state: KioskState): KioskEvent | null {
  const digit = /^[1-9]$/.test(key) ? Number(key) - 1 : null;
  switch (state.kind) {
    case 'attract':
    case 'several-faces':
      if (digit !== null) return { type: 'highlight', index: digit };
      return PASSIVE_KEYS.has(key) ? null : { type: 'wake' };
    case 'choosing-field':
    case 'choosing-priority':
    case 'consent':
    case 'remember-confirm':
    case 'reuse-confirm':
    case 'not-live': {
      const tiles =
        state.kind === 'choosing-field'
          ? state.menu.fields.length
          : state.kind === 'choosing-priority'
            ? state.menu.priorityGroups.length
            : choiceCount(state);
      if (digit !== null) return digit < tiles ? { type: 'highlight', index: digit } : null;
      if (key === 'Enter') return { type: 'confirm' };
      if (key === 'Escape' || key === 'Backspace') return { type: 'back' };
      if (key === 'ArrowRight' || key === 'ArrowDown') return { type: 'move', delta: 1 };
      if (key === 'ArrowLeft' || key === 'ArrowUp') return { type: 'move', delta: -1 };
      return null;
    }
    case 'phone':
    case 'recognised':
      if (/^\d$/.test(key)) return { type: 'digit', digit: key };
      if (key === 'Backspace') return { type: 'erase' };
      if (key === 'Enter') return { type: 'confirm' };
      if (key === 'Escape') return state.kind === 'phone' ? { type: 'back' } : { type: 'skip' };
      return null;
    case 'checking':
      return key === 'Escape' || key === 'Backspace' ? { type: 'back' } : null;
    case 'results':
      return key === 'Enter' || key === 'Escape' ? { type: 'confirm' } : null;
    case 'showing-ticket':
    case 'error':
      return key === 'Enter' || key === 'Escape' || key === 'Backspace' ? { type: 'done' } : null;
    case 'issuing':
    case 'confirming':
      return null;
  }
}
