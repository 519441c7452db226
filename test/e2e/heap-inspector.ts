// Measures a child's JavaScript heap through the V8 inspector (the child runs with --inspect=127.0.0.1:0).
// RSS alone is a poor leak detector: V8 collects in its own time, so it saw-tooths by a hundred MB. A
// full collection first, then the live heap, gives a number that only real retention moves.
import { WebSocket } from 'undici';

export interface HeapInspector {
  /** Collects garbage fully, then answers the bytes still in use on the JavaScript heap. */
  liveHeapBytes(): Promise<number>;
  close(): void;
}

const LISTENING = /Debugger listening on (ws:\/\/\S+)/;

/** Connects to the inspector whose address the child printed on stderr. */
export async function connectHeapInspector(stderr: () => string, ms = 10_000): Promise<HeapInspector> {
  const deadline = performance.now() + ms;
  let address = LISTENING.exec(stderr())?.[1];
  while (!address && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    address = LISTENING.exec(stderr())?.[1];
  }
  if (!address) throw new Error('the child did not print an inspector address on stderr');

  const socket = new WebSocket(address);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error(`could not connect to ${address}`)), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, unknown> };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? {});
  });
  const send = (method: string): Promise<Record<string, unknown>> => {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, (result) => {
        pending.delete(id);
        resolve(result);
      });
      socket.send(JSON.stringify({ id, method }));
    });
  };

  return {
    async liveHeapBytes() {
      // Twice: the first collection can leave objects whose finalizers free more on the second.
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      const usage = await send('Runtime.getHeapUsage');
      return Number(usage.usedSize);
    },
    // Node waits for an attached debugger before it exits: detach before the child is asked to end.
    close() {
      socket.close();
    },
  };
}
