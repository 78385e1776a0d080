import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { RequestsInFlight } from './requests-in-flight';

describe('requests in flight', () => {
  test('a handler at work is waited for, up to the grace, and counted until it ends its response', async () => {
    const inFlight = new RequestsInFlight();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const app = express();
    app.use('/slow', inFlight.track, async (_req, res) => {
      await released;
      res.json({ ok: true });
    });
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      expect(await inFlight.settled(10)).toBe(0);
      const answer = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`).then((r) => r.json());
      while (inFlight.count === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await inFlight.settled(50)).toBe(1);
      const settled = inFlight.settled(5_000);
      release();
      expect(await settled).toBe(0);
      expect(await answer).toEqual({ ok: true });
      expect(inFlight.count).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
