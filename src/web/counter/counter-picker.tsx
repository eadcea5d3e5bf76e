/**
 * First screen after signing in: which counter am I at today? The counter used last on this PC
 * comes first and has the focus; counters held by a colleague are shown but cannot be taken.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CentreInfo, Counter, User } from '../../contracts/api';
import { fill, useLang } from '../shared/i18n';
import type { CounterText } from './counter-text';
import { orderCounterChoices } from './counter-view';

export function CounterPicker({
  centre,
  user,
  lastCounterId,
  notice,
  text,
  onOpen,
}: {
  centre: CentreInfo;
  user: User;
  lastCounterId: string | null;
  notice: string | null;
  text: CounterText;
  /** Takes the counter; rejects with the server's message. */
  onOpen: (counter: Counter) => Promise<void>;
}) {
  const { lang } = useLang();
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const typed = useRef({ digits: '', at: 0 });
  const choices = orderCounterChoices(centre.counters, lastCounterId);
  const fieldName = (id: string) => {
    const f = centre.fields.find((x) => x.id === id);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : '?';
  };
  const takenByOther = (c: Counter) => c.officerId !== null && c.officerId !== user.id;

  useEffect(() => {
    const first = choices.findIndex((c) => !takenByOther(c));
    buttons.current[first]?.focus();
    // Only when the picker appears, not on every live refresh of the list.
  }, []);

  const open = async (c: Counter) => {
    if (opening) return;
    setOpening(c.id);
    setError(null);
    try {
      await onOpen(c);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setOpening(null);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = buttons.current.findIndex((b) => b === document.activeElement);
    const move = (to: number) => {
      e.preventDefault();
      buttons.current[(to + choices.length) % choices.length]?.focus();
    };
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') return move(i + 1);
    if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') return move(i - 1);
    if (/^[0-9]$/.test(e.key)) {
      // Typing "1" then "2" quickly reaches counter 12.
      const now = Date.now();
      typed.current = { digits: (now - typed.current.at < 800 ? typed.current.digits : '') + e.key, at: now };
      const match = choices.findIndex((c) => String(c.number) === typed.current.digits);
      if (match >= 0) move(match);
    }
  };

  const stateLabel = (c: Counter) =>
    c.state === 'open' ? text.stateOpen : c.state === 'paused' ? text.statePaused : text.stateClosed;

  return (
    <section className="cc-picker" aria-labelledby="cc-pick-title">
      <h2 id="cc-pick-title">{text.pickTitle}</h2>
      <p className="cc-muted">{text.pickHint}</p>
      {notice && (
        <p className="cc-info" role="status">
          {notice}
        </p>
      )}
      <div className="cc-picker-grid" onKeyDown={onKeyDown}>
        {choices.map((c, i) => {
          const mine = c.officerId === user.id;
          const taken = takenByOther(c);
          return (
            <button
              key={c.id}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              data-testid="counter-choice"
              data-counter-number={c.number}
              className={['cc-counter-choice', taken && 'taken', c.id === lastCounterId && 'last'].filter(Boolean).join(' ')}
              disabled={taken || opening !== null}
              aria-describedby={`cc-choice-${c.id}`}
              onClick={() => void open(c)}
            >
              <span className="cc-choice-number">{c.number}</span>
              <span className="cc-choice-body">
                <span className="cc-choice-name">{c.name}</span>
                <span className="cc-choice-fields">{c.fields.map((f) => fieldName(f.fieldId)).join(' · ')}</span>
                <span id={`cc-choice-${c.id}`} className={`cc-choice-state state-${c.state}`}>
                  {taken ? fill(text.takenBy, { name: c.officerName ?? '?' }) : mine ? `${text.yours} · ${stateLabel(c)}` : text.free}
                  {c.id === lastCounterId && !taken && ` · ${text.lastUsed}`}
                </span>
              </span>
            </button>
          );
        })}
      </div>
      <p className="cc-error" role="alert" data-testid="picker-error">
        {error}
      </p>
    </section>
  );
}
