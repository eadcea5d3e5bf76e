/**
 * One live stream for the whole console. It starts after the board state's cursor, and parts of
 * the screen (the counter picker, the work view) listen to it while they are shown.
 */
import { useEffect, useRef, useState } from 'react';
import type { BoardState } from '../../contracts/api';
import type { QueueCountsMessage, StreamEvent } from '../../contracts/events';
import { api } from '../shared/api';
import { openLiveStream, type LiveStream, type StreamStatus } from '../shared/live-stream';

export interface HallListener {
  onEvent?(event: StreamEvent): void;
  onCounts?(message: QueueCountsMessage): void;
  /** Events may have been missed (the server could not replay them): reload everything. */
  onResync?(): void;
}

export type HallHub = Set<HallListener>;

const RETRY_MS = 3000;

export function useHallStream(hub: HallHub): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('connecting');

  useEffect(() => {
    let stream: LiveStream | null = null;
    let closed = false;
    let timer: number | undefined;
    const each = (f: (l: HallListener) => void) => [...hub].forEach(f);

    const cursor = async (): Promise<string> => (await api<BoardState>('GET', '/api/v1/display/state')).cursor;

    const start = async () => {
      try {
        const since = await cursor();
        if (closed) return;
        stream = openLiveStream(since, {
          onEvent: (e) => each((l) => l.onEvent?.(e)),
          onCounts: (m) => each((l) => l.onCounts?.(m)),
          onStatus: setStatus,
          onReset: () => {
            void cursor()
              .then((next) => {
                if (closed) return;
                stream?.restart(next);
                each((l) => l.onResync?.());
              })
              .catch(() => undefined);
          },
        });
      } catch {
        if (closed) return;
        setStatus('offline');
        timer = window.setTimeout(() => void start(), RETRY_MS);
      }
    };
    void start();
    return () => {
      closed = true;
      if (timer !== undefined) window.clearTimeout(timer);
      stream?.close();
    };
  }, [hub]);

  return status;
}

/** Listens to the hub while the component is mounted; the latest handlers are always used. */
export function useHallListener(hub: HallHub, listener: HallListener): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    const entry: HallListener = {
      onEvent: (e) => latest.current.onEvent?.(e),
      onCounts: (m) => latest.current.onCounts?.(m),
      onResync: () => latest.current.onResync?.(),
    };
    hub.add(entry);
    return () => {
      hub.delete(entry);
    };
  }, [hub]);
}
