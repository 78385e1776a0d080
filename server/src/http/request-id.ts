import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Every request has an id: the client's `X-Request-Id` when it is well formed,
 * else a new one. It is echoed in the response, kept in `res.locals`, and named
 * by the request's audit entries and log lines (passed explicitly: an
 * AsyncLocalStorage scope would put a hook on every promise of every request).
 */
export const assignRequestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id');
  const requestId = given && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader('x-request-id', requestId);
  next();
};

export const requestIdOf = (res: Response): string => String(res.locals.requestId ?? 'none');

/** Where a request came from, as its audit entries record it. */
export const originOf = (req: Request, res: Response) => ({ requestId: requestIdOf(res), clientIp: req.ip ?? 'unknown' });
