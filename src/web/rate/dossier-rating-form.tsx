/**
 * Rating a dossier: one touch on the overall level, then (optional) one level per criterion and a
 * comment, then send. The same form serves the counter's rating screen (large, with an on-screen
 * Vietnamese keyboard) and the citizen's phone (the phone's own keyboard).
 */
import { useReducer, useState, type ReactNode } from 'react';
import type { RatingOption } from '../../contracts/api';
import { useLang, useText, type Dictionary } from '../shared/i18n';
import { answerOf, answerReducer, START, MAX_COMMENT } from './dossier-rating-answer';
import { moodColour, moodOf, mouthPath } from './rating-faces';
import { KEY_ROWS, pressKey, TONE_KEYS, type Key } from './vietnamese-keys';

const TEXT: Dictionary<
  | 'overall'
  | 'hintOverall'
  | 'detailsTitle'
  | 'detailsHelp'
  | 'yourOverall'
  | 'change'
  | 'comment'
  | 'commentHelp'
  | 'send'
  | 'sending'
  | 'space'
  | 'erase'
  | 'keyboard'
  | 'hideKeyboard'
> = {
  vi: {
    overall: 'Ông/bà đánh giá chung thế nào về việc giải quyết hồ sơ này?',
    hintOverall: 'Chạm vào một mức để đánh giá',
    detailsTitle: 'Đánh giá thêm (không bắt buộc)',
    detailsHelp: 'Chọn mức cho từng tiêu chí nếu muốn; chạm lại để bỏ chọn.',
    yourOverall: 'Đánh giá chung: {label}',
    change: 'Đổi',
    comment: 'Ý kiến khác',
    commentHelp: 'Tối đa 1000 ký tự.',
    send: 'Gửi đánh giá',
    sending: 'Đang gửi…',
    space: 'Dấu cách',
    erase: 'Xoá',
    keyboard: 'Viết ý kiến',
    hideKeyboard: 'Ẩn bàn phím',
  },
  en: {
    overall: 'Overall, how satisfied are you with how this dossier was handled?',
    hintOverall: 'Touch a level to rate',
    detailsTitle: 'More (optional)',
    detailsHelp: 'Pick a level for any criterion you like; touch it again to clear it.',
    yourOverall: 'Overall: {label}',
    change: 'Change',
    comment: 'Other comments',
    commentHelp: 'At most 1000 characters.',
    send: 'Send rating',
    sending: 'Sending…',
    space: 'Space',
    erase: 'Erase',
    keyboard: 'Write a comment',
    hideKeyboard: 'Hide keyboard',
  },
};

export interface DossierRatingFormProps {
  scale: readonly RatingOption[];
  criteria: readonly { key: string; labelVi: string; labelEn: string }[];
  /** Which dossier: procedure and code, shown above the question. */
  about: ReactNode;
  busy: boolean;
  error: string | null;
  onSend(answer: { value: number; criteria: { key: string; value: number }[]; comment: string | null }): void;
  /** The counter's screen has no keyboard of its own. */
  onScreenKeyboard: boolean;
  /** Any touch: the counter's screen keeps the question open a little longer. */
  onActivity?(): void;
  /** Lets the page send what was answered so far (the screen does when its time runs out). */
  answerRef?: { current: (() => ReturnType<typeof answerOf>) | null };
}

export function DossierRatingForm({ scale, criteria, about, busy, error, onSend, onScreenKeyboard, onActivity, answerRef }: DossierRatingFormProps) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const [state, dispatch] = useReducer(answerReducer, START);
  const [keyboard, setKeyboard] = useState(false);
  const label = (o: { labelVi: string; labelEn: string }) => (lang === 'vi' ? o.labelVi : o.labelEn);
  if (answerRef) answerRef.current = () => answerOf(state, criteria);
  const touch = () => onActivity?.();
  const send = () => {
    const answer = answerOf(state, criteria);
    if (answer && !busy) onSend(answer);
  };

  if (state.step === 'overall') {
    return (
      <section className="dr-form dr-overall" aria-labelledby="dr-question">
        <div className="dr-about">{about}</div>
        <h1 id="dr-question">{text.overall}</h1>
        <div className={`rate-options rate-options-${scale.length}`}>
          {scale.map((option, i) => {
            const mood = moodOf(scale, i);
            const colour = moodColour(mood);
            return (
              <button
                key={option.value}
                type="button"
                className="rate-option"
                data-testid="dossier-rating-option"
                data-value={option.value}
                style={{ borderColor: colour }}
                disabled={busy}
                onClick={() => {
                  touch();
                  dispatch({ type: 'overall', value: option.value });
                }}
              >
                <RatingFace mood={mood} colour={colour} />
                <span className="rate-option-label">{label(option)}</span>
              </button>
            );
          })}
        </div>
        <p className="rate-hint">{text.hintOverall}</p>
      </section>
    );
  }

  const chosen = scale.find((o) => o.value === state.value);
  return (
    <section className="dr-form dr-details" aria-labelledby="dr-details-title">
      <div className="dr-about">{about}</div>
      <p className="dr-chosen">
        <span data-testid="dossier-rating-chosen">{text.yourOverall.replace('{label}', chosen ? label(chosen) : '')}</span>{' '}
        <button type="button" className="dr-link" onClick={() => (touch(), dispatch({ type: 'back' }))} disabled={busy}>
          {text.change}
        </button>
      </p>
      {criteria.length > 0 && (
        <>
          <h2 id="dr-details-title">{text.detailsTitle}</h2>
          <p className="dr-help">{text.detailsHelp}</p>
          <table className="dr-criteria">
            <tbody>
              {criteria.map((c) => (
                <tr key={c.key} data-criterion={c.key}>
                  <th scope="row">{label(c)}</th>
                  <td>
                    <div className="dr-levels" role="radiogroup" aria-label={label(c)}>
                      {scale.map((option, i) => {
                        const selected = state.criteria[c.key] === option.value;
                        const colour = moodColour(moodOf(scale, i));
                        return (
                          <button
                            key={option.value}
                            type="button"
                            role="radio"
                            aria-checked={selected}
                            className={`dr-level${selected ? ' is-selected' : ''}`}
                            style={selected ? { background: colour, borderColor: colour } : { borderColor: colour }}
                            data-testid={`criterion-${c.key}-${option.value}`}
                            disabled={busy}
                            onClick={() => (touch(), dispatch({ type: 'criterion', key: c.key, value: option.value }))}
                          >
                            {label(option)}
                          </button>
                        );
                      })}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="dr-comment">
        <label htmlFor="dr-comment-input">{text.comment}</label>
        <textarea
          id="dr-comment-input"
          data-testid="dossier-rating-comment"
          value={state.comment}
          maxLength={MAX_COMMENT}
          rows={onScreenKeyboard ? 2 : 4}
          readOnly={onScreenKeyboard}
          onFocus={() => onScreenKeyboard && setKeyboard(true)}
          onChange={(e) => (touch(), dispatch({ type: 'comment', text: e.target.value }))}
          aria-describedby="dr-comment-help"
        />
        <span className="dr-help" id="dr-comment-help">
          {text.commentHelp}
        </span>
        {onScreenKeyboard && (
          <button type="button" className="dr-link" onClick={() => (touch(), setKeyboard((k) => !k))}>
            {keyboard ? text.hideKeyboard : text.keyboard}
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dr-actions">
        <button type="button" className="dr-send" data-testid="dossier-rating-send" disabled={busy} onClick={send}>
          {busy ? text.sending : text.send}
        </button>
      </div>
      {/* Below the send button, so sending never needs a scroll. */}
      {onScreenKeyboard && keyboard && (
        <OnScreenKeyboard
          spaceLabel={text.space}
          eraseLabel={text.erase}
          onKey={(key) => {
            touch();
            dispatch({ type: 'comment', text: pressKey(state.comment, key) });
          }}
        />
      )}
    </section>
  );
}

function OnScreenKeyboard({ onKey, spaceLabel, eraseLabel }: { onKey(key: Key): void; spaceLabel: string; eraseLabel: string }) {
  return (
    <div className="dr-keyboard" role="group" aria-label="Bàn phím">
      {KEY_ROWS.map((row, i) => (
        <div key={i} className="dr-key-row">
          {row.map((char) => (
            <button key={char} type="button" className="dr-key" onClick={() => onKey({ kind: 'char', char })}>
              {char}
            </button>
          ))}
        </div>
      ))}
      <div className="dr-key-row">
        {TONE_KEYS.map((t) => (
          <button key={t.tone} type="button" className="dr-key dr-tone" title={t.nameVi} aria-label={t.nameVi} onClick={() => onKey({ kind: 'tone', tone: t.tone })}>
            {t.label}
          </button>
        ))}
        <button type="button" className="dr-key dr-space" onClick={() => onKey({ kind: 'space' })}>
          {spaceLabel}
        </button>
        <button type="button" className="dr-key" onClick={() => onKey({ kind: 'backspace' })}>
          ⌫ {eraseLabel}
        </button>
      </div>
    </div>
  );
}

export function RatingFace({ mood, colour }: { mood: number; colour: string }) {
  return (
    <svg className="rate-face" viewBox="0 0 100 100" aria-hidden="true">
      <circle cx="50" cy="50" r="46" fill={colour} />
      <circle cx="35" cy="40" r="6.5" fill="#fff" />
      <circle cx="65" cy="40" r="6.5" fill="#fff" />
      <path d={mouthPath(mood)} fill="none" stroke="#fff" strokeWidth="7" strokeLinecap="round" />
    </svg>
  );
}
