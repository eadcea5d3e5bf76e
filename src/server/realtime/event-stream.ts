/**
 * Live events for browsers. Each app instance follows the shared event log (woken by
 * LISTEN/NOTIFY, with a slow poll as a safety net) and fans every new event out to its own
 * Server-Sent-Events clients, so a board connected to instance B sees a call made on instance A.
 *
 * A client that reconnects sends the cursor of the last event it saw (Last-Event-ID); it first
 * receives what it missed from the log, then joins the live feed. Live events that arrive while it
 * catches up are held back and only those after its cursor are sent, so nothing is lost or doubled.
 */
import type { ServerResponse } from 'node:http';
import type { QueueCountsMessage, StreamEvent, StreamEventType } from '../../contracts/events';
import { QUEUE_COUNTS_EVENT } from '../../contracts/events';
import { serviceDayOf } from '../../core/shared/local-time';
import type { DatabaseHandle } from '../../db/database';
import {
  currentCursor,
  EVENTS_CHANNEL,
  parseCursor,
  readEventsAfter,
  type Cursor,
  type LoggedEvent,
} from '../../db/repositories/event.repository';
import { countWaitingByField } from '../../db/repositories/ticket.repository';

const BATCH = 500;
const POLL_MS = 1000;
const COALESCE_MS = 15;
/** Waiting counts follow the events, but at most a few times a second per centre. */
const COUNTS_EVERY_MS = 250;
const HEARTBEAT_MS = 15_000;
/** A client that cannot keep up (a dead TCP peer) is dropped rather than buffered forever. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Beyond this many missed events a client reloads its state instead of replaying them. */
const MAX_REPLAY = 5000;

export interface StreamSubscriber {
  centreId: string;
  /** Receives every event of the centre after the subscriber's cursor, in log order. */
  onEvent(event: LoggedEvent): void;
  onCounts?(waitingByField: Record<string, number>): void;
  /** Called instead of a replay when the client is too far behind: it should reload its state. */
  onReset?(): void;
}

interface Subscription {
  subscriber: StreamSubscriber;
  /** Position of the last event delivered, as (transaction id, event id). */
  tx: bigint;
  id: number;
  catchingUp: boolean;
  held: LoggedEvent[];
}

export class EventStream {
  private cursor: Cursor = { tx: '0', id: 0 };
  private readonly subscriptions = new Set<Subscription>();
  private running = false;
  /** The read in progress, awaited by stop() so that nothing reads a closed database. */
  private draining: Promise<void> = Promise.resolve();
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly observers: ((event: LoggedEvent) => void)[] = [];
  private readonly countTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly clock: () => Date,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    this.cursor = await currentCursor(this.handle.db);
    this.unlisten = await this.handle.listen(EVENTS_CHANNEL, () => this.wake());
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const timer of this.countTimers.values()) clearTimeout(timer);
    this.countTimers.clear();
    await this.draining;
    await this.unlisten?.();
    this.subscriptions.clear();
  }

  /** Sees every event of every centre once, as it is read (e.g. to drop cached hall data). */
  observe(observer: (event: LoggedEvent) => void): void {
    this.observers.push(observer);
  }

  /** Reads and delivers whatever the log holds beyond the cursor; coalesces concurrent wake-ups. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    // A short pause lets a burst of commits be read with one query instead of one each.
    this.draining = new Promise((resolve) => setTimeout(resolve, COALESCE_MS))
      .then(() => (this.stopped ? undefined : this.drain()))
      .catch((error: unknown) => {
        if (!this.stopped) this.onError(error);
      })
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const events = await readEventsAfter(this.handle.db, this.cursor, BATCH);
      if (events.length === 0) return;
      this.cursor = parseCursor(events[events.length - 1]!.cursor)!;
      for (const event of events) {
        for (const observe of this.observers) observe(event);
        if (event.type.startsWith('ticket.')) this.countsDue(event.centreId);
        const tx = BigInt(event.tx);
        for (const s of this.subscriptions) {
          if (s.subscriber.centreId !== event.centreId) continue;
          if (s.catchingUp) s.held.push(event);
          else this.deliver(s, event, tx);
        }
      }
      if (events.length < BATCH) return;
    }
  }

  private deliver(s: Subscription, event: LoggedEvent, tx = BigInt(event.tx)): void {
    if (tx < s.tx || (tx === s.tx && event.id <= s.id)) return;
    s.tx = tx;
    s.id = event.id;
    try {
      s.subscriber.onEvent(event);
    } catch (error) {
      this.onError(error);
    }
  }

  /** Sends a centre's waiting counts soon, once for however many changes arrive meanwhile. */
  private countsDue(centreId: string): void {
    if (this.countTimers.has(centreId) || this.stopped) return;
    const timer = setTimeout(() => {
      this.countTimers.delete(centreId);
      void this.sendCounts(centreId).catch((error: unknown) => {
        if (!this.stopped) this.onError(error);
      });
    }, COUNTS_EVERY_MS);
    timer.unref();
    this.countTimers.set(centreId, timer);
  }

  private async sendCounts(centreId: string): Promise<void> {
    if (this.stopped) return;
    const listeners = [...this.subscriptions].filter((s) => s.subscriber.centreId === centreId && s.subscriber.onCounts);
    if (listeners.length === 0) return;
    const counts = await countWaitingByField(this.handle.db, centreId, serviceDayOf(this.clock()));
    for (const s of listeners) s.subscriber.onCounts!(counts);
  }

  /**
   * Adds a subscriber. With a cursor, it first receives the events after it from the log; without
   * one, it starts at the live position. Returns the function that removes it.
   */
  async subscribe(subscriber: StreamSubscriber, since: Cursor | null): Promise<() => void> {
    const start = since ?? this.cursor;
    const s: Subscription = { subscriber, tx: BigInt(start.tx), id: start.id, catchingUp: since !== null, held: [] };
    this.subscriptions.add(s);
    const remove = () => {
      this.subscriptions.delete(s);
    };
    if (since) {
      try {
        for (let replayed = 0; ; ) {
          if (replayed >= MAX_REPLAY) {
            s.tx = BigInt(this.cursor.tx);
            s.id = this.cursor.id;
            subscriber.onReset?.();
            break;
          }
          const missed = await readEventsAfter(this.handle.db, { tx: s.tx.toString(), id: s.id }, BATCH, subscriber.centreId);
          for (const e of missed) this.deliver(s, e);
          replayed += missed.length;
          if (missed.length < BATCH) break;
        }
      } finally {
        s.catchingUp = false;
        for (const e of s.held.splice(0)) this.deliver(s, e);
      }
    }
    if (subscriber.onCounts) {
      subscriber.onCounts(await countWaitingByField(this.handle.db, subscriber.centreId, serviceDayOf(this.clock())));
    }
    return remove;
  }
}

/** Converts a logged event into what browsers receive. */
export function toStreamEvent(e: LoggedEvent): StreamEvent {
  const payload = e.payload as Partial<StreamEvent>;
  return {
    id: e.cursor,
    type: e.type as StreamEventType,
    at: e.at.toISOString(),
    ...(payload.ticket ? { ticket: payload.ticket } : {}),
    ...(payload.counter ? { counter: payload.counter } : {}),
    ...(payload.announcement ? { announcement: payload.announcement } : {}),
    ...(payload.rating ? { rating: payload.rating } : {}),
    ...(payload.faceCheck ? { faceCheck: payload.faceCheck } : {}),
  };
}

// Each event is serialised once, however many screens receive it.
const serialised = new WeakMap<LoggedEvent, string>();

function eventFrame(e: LoggedEvent): string {
  let frame = serialised.get(e);
  if (!frame) {
    frame = `id: ${e.cursor}\nevent: ${e.type}\ndata: ${JSON.stringify(toStreamEvent(e))}\n\n`;
    serialised.set(e, frame);
  }
  return frame;
}

/** Writes Server-Sent Events to one HTTP response. */
export class SseConnection {
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;
  private corked = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly onClose: () => void,
  ) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
    res.on('close', () => this.close());
  }

  send(event: string, data: unknown, id?: string): void {
    this.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  sendEvent(e: LoggedEvent): void {
    this.write(eventFrame(e));
  }

  sendReset(): void {
    this.send('stream.reset', { type: 'stream.reset' });
  }

  sendCounts(waitingByField: Record<string, number>): void {
    const message: QueueCountsMessage = { type: 'queue.counts', waitingByField };
    this.send(QUEUE_COUNTS_EVENT, message);
  }

  private write(chunk: string): void {
    if (this.closed) return;
    if (this.res.writableLength > MAX_BUFFERED_BYTES) {
      this.res.destroy();
      return;
    }
    // Everything written in one tick (a batch of events, then the counts) leaves in one system
    // call: with a hundred boards, a call per event per board would cost more than the events.
    if (!this.corked) {
      this.corked = true;
      this.res.cork();
      process.nextTick(() => {
        this.corked = false;
        this.res.uncork();
      });
    }
    this.res.write(chunk);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.onClose();
    if (!this.res.writableEnded) this.res.end();
  }
}
