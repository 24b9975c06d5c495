/** The profiling Web Worker: runs one profile job per `start`, stops on `cancel`. */
import { runProfileJob } from './profileJob';
import { PageMessage, WorkerMessage } from './protocol';

const scope = self as unknown as {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<PageMessage>) => void) | null;
};
const controller = new AbortController();

scope.onmessage = event => {
  const message = event.data;
  if (message.type === 'cancel') {
    controller.abort();
  } else if (message.type === 'start') {
    scope.postMessage({ type: 'started' });
    void runProfileJob(
      message.source,
      message.options,
      { context: 'worker', signal: controller.signal },
      m => scope.postMessage(m)
    );
  }
};
