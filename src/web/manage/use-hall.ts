/**
 * What the console knows about the hall: the centre's reference data (GET /centre) and the live
 * board (waiting per field, counters' states) kept current by the live stream. A `config.changed`
 * event — this console's own edits or another manager's — reloads the reference data.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardState, CentreInfo, Counter } from '../../contracts/api';
import type { StreamEvent } from '../../contracts/events';
import { api } from '../shared/api';
import { openLiveStream, type LiveStream, type StreamStatus } from '../shared/live-stream';
import { errorMessage } from './ui';

export interface LiveBoard {
  waitingByField: Record<string, number>;
  counters: Counter[];
}

export interface Hall {
  info: CentreInfo | null;
  loadError: string | null;
  board: LiveBoard | null;
  stream: StreamStatus;
  reload(): Promise<void>;
}

/** Applies a counter event of the stream to the board's counters. */
export function applyCounterEvent(counters: readonly Counter[], event: StreamEvent): Counter[] {
  const change = event.counter;
  if (!change) return [...counters];
  return counters.map((c) =>
    c.id === change.id ? { ...c, state: change.state, pauseReason: change.pauseReason, officerName: change.officerName } : c,
  );
}

export function useHall(): Hall {
  const [info, setInfo] = useState<CentreInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [board, setBoard] = useState<LiveBoard | null>(null);
  const [stream, setStream] = useState<StreamStatus>('connecting');
  const live = useRef<LiveStream | null>(null);

  const loadInfo = useCallback(async () => {
    try {
      setInfo(await api<CentreInfo>('GET', '/api/v1/centre'));
      setLoadError(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);

  const loadBoard = useCallback(async (): Promise<string | null> => {
    try {
      const state = await api<BoardState>('GET', '/api/v1/display/state');
      setBoard({ waitingByField: state.waitingByField, counters: state.counters });
      return state.cursor;
    } catch {
      return null;
    }
  }, []);

  useEffect(() => {
    let closed = false;
    void loadInfo();
    void loadBoard().then((cursor) => {
      if (closed || cursor === null) return;
      live.current = openLiveStream(cursor, {
        onEvent(event) {
          if (event.type === 'config.changed') {
            void loadInfo();
            void loadBoard();
          } else if (event.counter) {
            setBoard((b) => (b ? { ...b, counters: applyCounterEvent(b.counters, event) } : b));
          }
        },
        onCounts(message) {
          setBoard((b) => (b ? { ...b, waitingByField: message.waitingByField } : b));
        },
        onReset() {
          void loadBoard().then((next) => next !== null && live.current?.restart(next));
        },
        onStatus: setStream,
      });
    });
    return () => {
      closed = true;
      live.current?.close();
      live.current = null;
    };
  }, [loadInfo, loadBoard]);

  const reload = useCallback(async () => {
    await Promise.all([loadInfo(), loadBoard()]);
  }, [loadInfo, loadBoard]);

  return { info, loadError, board, stream, reload };
}
