import { describe, expect, it } from 'vitest';
import {
  buildClientIndex,
  buildClientIndexInSteps,
  type ClientIndex,
  type SearchableClient,
} from '../../src/search/index.js';
import { seededRandom, syntheticClients } from './synthetic-clients.js';

function drain<T extends SearchableClient>(clients: readonly T[]): { index: ClientIndex<T>; steps: number } {
  const steps = buildClientIndexInSteps(clients);
  for (let count = 0; ; count++) {
    const step = steps.next();
    if (step.done === true) return { index: step.value, steps: count };
  }
}

describe('indexing in steps', () => {
  const clients = syntheticClients(2_000, seededRandom(11));

  it('pauses between the fields, a bounded number of times', () => {
    const { steps } = drain(clients);
    expect(steps).toBeGreaterThan(10);
    expect(steps).toBeLessThan(40);
  });

  it.each(['muller', 'mueller zurich', 'Gass', 'Bruner', '044 123 45 67', 'acme.ch', 'bahnhofstrasse 8', ''])(
    'finds what the index built at once finds: %j',
    (query) => {
      const atOnce = buildClientIndex(clients).search({ query });
      expect(drain(clients).index.search({ query })).toEqual(atOnce);
    },
  );

  it('copies the list before indexing it', () => {
    const list = [{ id: 1, lastName: 'Gasser' }];
    const steps = buildClientIndexInSteps(list);
    steps.next();
    list.push({ id: 2, lastName: 'Gassmann' });
    let step = steps.next();
    while (step.done !== true) step = steps.next();
    expect(step.value.search({ query: 'gass' })).toEqual([{ id: 1, lastName: 'Gasser' }]);
  });
});
