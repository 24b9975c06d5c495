/** The profiling Web Worker: runs one profile job per `start`, stops on `cancel`. */
import { runProfileJob } from './profileJob';
import { PageMessage, WorkerMessage } from './protocol';

const scope = self as unknown as {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<PageMessage>) => void) | null;
};
const controller = new AbortController();
/** Files asked of the page and not yet answered. */
const opening = new Map<
  string,
  { resolve(stream: ReadableStream<Uint8Array>): void; reject(error: Error): void }
>();

/** A file's bytes, from the page (which reads them from the server). */
function openFile(name: string): Promise<ReadableStream<Uint8Array>> {
  return new Promise((resolve, reject) => {
    opening.set(name, { resolve, reject });
    scope.postMessage({ type: 'open', name });
  });
}

scope.onmessage = event => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      scope.postMessage({ type: 'started' });
      void runProfileJob(
        { ...message.source, open: openFile },
        message.options,
        { context: 'worker', signal: controller.signal },
        m => scope.postMessage(m)
      );
      break;
    case 'file':
      opening.get(message.name)?.resolve(message.stream);
      opening.delete(message.name);
      break;
    case 'fileError':
      opening.get(message.name)?.reject(new Error(message.message));
      opening.delete(message.name);
      break;
    case 'cancel':
      controller.abort();
      break;
  }
};
