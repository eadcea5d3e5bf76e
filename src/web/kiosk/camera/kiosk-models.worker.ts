/**
 * The camera's Web Worker: hosts the kiosk's models (kiosk-models.ts) so that a model frame never
 * holds the page's thread, where keys, touches and the screen are handled. One frame at a time, in
 * the order they come; each picture is closed as soon as it is read (inference-protocol.ts).
 */
import { loadKioskModels, type KioskModels } from './kiosk-models';
import { transferablesOf, type FromModels, type ToModels } from './inference-protocol';

/** The worker's side of postMessage (the project is typed with the DOM library, not WebWorker's). */
const scope = self as unknown as {
  postMessage(message: FromModels, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToModels>) => void): void;
};

const reply = (message: FromModels) => scope.postMessage(message, transferablesOf(message));
const reason = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

let models: Promise<KioskModels> | null = null;
let queue: Promise<unknown> = Promise.resolve();

scope.addEventListener('message', ({ data }) => {
  if (data.type === 'load') {
    models ??= loadKioskModels(data.model, data.manifestUrl);
    models.then(
      (m) => reply({ type: 'loaded', modelId: m.modelId }),
      (error: unknown) => reply({ type: 'load-failed', message: reason(error) }),
    );
    return;
  }
  const { id, plan, image } = data;
  queue = queue.then(async () => {
    try {
      if (!models) throw new Error('models not loaded');
      const result = await (await models).analyse(image, plan);
      reply({ type: 'frame', id, result });
    } catch (error) {
      reply({ type: 'frame-failed', id, message: reason(error) });
    } finally {
      image.close();
    }
  });
});
