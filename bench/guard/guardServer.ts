/**
 * @module bench/guard/guardServer
 * A trivial Express app with the same route twice: `/plain` and `/guarded`
 * (behind the guard under test). Prints one ready line with its port, the
 * guard's name and a token the guard accepts.
 */
import 'reflect-metadata';
import express from 'express';
import { guardUnderTest } from './guardUnderTest.js';

const guard = await guardUnderTest();
const app = express();
app.disable('x-powered-by');
const handler: express.RequestHandler = (_req, res) => void res.json({ ok: true });
app.get('/plain', handler);
app.get('/guarded', guard.middleware, handler);

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  console.log(`guard-server port=${port} guard=${encodeURIComponent(guard.name)} token=${guard.token}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
