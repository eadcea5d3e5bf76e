/**
 * The hall's live stream (Server-Sent Events). Starts after the cursor of the state the page
 * loaded, resumes after the last event seen when the connection drops (the browser sends
 * Last-Event-ID), reopens itself when the server was restarted, and drops any event it has
 * already delivered, so a board never shows a call twice or misses one.
 */
import type { QueueCountsMessage, StreamEvent } from '../../contracts/events';
import { STREAM_EVENT_TYPES } from '../../contracts/events';

export type StreamStatus = 'connecting' | 'live' | 'offline';

export interface LiveStreamHandlers {
  onEvent(event: StreamEvent): void;
  onCounts?(message: QueueCountsMessage): void;
  /** The server cannot replay what was missed: reload state, then call `restart(cursor)`. */
  onReset?(): void;
  onStatus?(status: StreamStatus): void;
}

export interface LiveStream {
  /** Reconnects from another cursor (after a state reload). */
  restart(since: string): void;
  close(): void;
}

const RETRY_MS = 2000;

export function openLiveStream(since: string, handlers: LiveStreamHandlers, url = '/api/v1/stream'): LiveStream {
  let cursor = since;
  let source: EventSource | null = null;
  let retry: number | null = null;
  let closed = false;
  const seen = new Set<string>();

  const connect = () => {
    if (closed) return;
    handlers.onStatus?.('connecting');
    source = new EventSource(`${url}?since=${encodeURIComponent(cursor)}`);
    source.onopen = () => handlers.onStatus?.('live');
    source.onerror = () => {
      handlers.onStatus?.('offline');
      // The browser retries by itself after network errors; after an HTTP error it gives up.
      if (source?.readyState === EventSource.CLOSED) {
        source.close();
        source = null;
        retry = window.setTimeout(connect, RETRY_MS);
      }
    };
    for (const type of STREAM_EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as StreamEvent;
        if (seen.has(event.id)) return;
        seen.add(event.id);
        if (seen.size > 5000) seen.delete(seen.values().next().value as string);
        cursor = event.id;
        handlers.onEvent(event);
      });
    }
    source.addEventListener('queue.counts', (message) => {
      handlers.onCounts?.(JSON.parse((message as MessageEvent<string>).data) as QueueCountsMessage);
    });
    source.addEventListener('stream.reset', () => handlers.onReset?.());
  };

  connect();
  return {
    restart(next: string) {
      cursor = next;
      source?.close();
      if (retry !== null) window.clearTimeout(retry);
      connect();
    },
    close() {
      closed = true;
      source?.close();
      if (retry !== null) window.clearTimeout(retry);
    },
  };
}
