import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { isAppError, unauthenticated, type ErrorCode } from '../errors';
import { logger } from '../logger';
import { originOf, requestIdOf } from './request-id';
import { httpMetrics } from '../metrics';
import { createCaller, type Caller } from '../modules/common/caller';
import type { Services } from '../services';
import { AUDIT_UNAVAILABLE } from '../graphql/audit.plugin';
import type { CaseDocument } from '../modules/case/case-document.entity';
import { MAX_DOCUMENT_BYTES } from '../modules/case/document-store';

/**
 * Case documents over HTTP, because scans do not fit GraphQL's 1 MB JSON body:
 *   POST /api/cases/:id/documents?kind=IDENTITY_DOCUMENT   raw body (PDF, PNG or JPEG, at most 10 MB)
 *   GET  /api/cases/:id/documents/:documentId              the decrypted scan, after its DOWNLOAD entry is committed
 * Both take `Authorization: Bearer <token>` and answer errors in the GraphQL shape.
 */

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

async function callerOf(req: Request, res: Response, services: Services): Promise<Caller> {
  const token = /^Bearer (\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  const outcome = token ? await services.auth.authenticate(token) : { error: 'Sign in first' };
  if ('error' in outcome) {
    httpMetrics.anonymousRefusals.inc();
    throw unauthenticated(outcome.error);
  }
  const { user } = outcome;
  return createCaller(user, originOf(req, res), services.db, services.clock);
}

/** Signs the caller in before any body is read, so anonymous uploads are refused without buffering them. */
function authenticate(services: Services): RequestHandler {
  return (req, res, next) => {
    callerOf(req, res, services).then((caller) => {
      res.locals.caller = caller;
      next();
    }, next);
  };
}

/** Runs a handler in the request context; pending audit entries (denials too) are committed either way. */
function handle(services: Services, fn: (req: Request, res: Response, caller: Caller) => Promise<void>): RequestHandler {
  return async (req, res, next) => {
    const caller = res.locals.caller as Caller;
    try {
      await fn(req, res, caller);
    } catch (error) {
      await services.auditWriter.write(caller.audit.drain()).catch(() => undefined);
      next(error);
    }
  };
}

/** Fail-closed: nothing is sent until the request's audit entries are committed. */
async function commitAudit(services: Services, caller: Caller, res: Response): Promise<boolean> {
  try {
    await services.auditWriter.write(caller.audit.drain());
    return true;
  } catch {
    logger.error('audit write failed; document response withheld', { requestId: caller.requestId });
    res.status(503).json({ errors: [{ message: AUDIT_UNAVAILABLE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    return false;
  }
}

const metadata = (d: CaseDocument) => ({
  id: String(d.id),
  caseId: String(d.caseId),
  kind: d.kind,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  uploadedById: d.uploadedById === null ? null : String(d.uploadedById),
  uploadedAt: d.uploadedAt,
});

const onError: ErrorRequestHandler = (err, _req, res, _next) => {
  if (isAppError(err)) {
    const code = err.extensions.code as ErrorCode;
    res.status(STATUS[code] ?? 500).json({ errors: [{ message: err.message, extensions: err.extensions }] });
  } else if (err?.type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: 'A document may be at most 10 MB', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  } else {
    logger.error('document request failed', { name: err?.name, requestId: requestIdOf(res) });
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  }
};

export function caseDocumentRouter(services: Services): Router {
  const router = Router();
  router.post(
    '/:id/documents',
    authenticate(services),
    express.raw({ type: () => true, limit: MAX_DOCUMENT_BYTES }),
    handle(services, async (req, res, caller) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const document = await services.caseDocuments.upload(String(req.params.id), String(req.query.kind ?? 'OTHER'), body, caller);
      if (await commitAudit(services, caller, res)) res.status(201).json(metadata(document));
    }),
  );
  router.get(
    '/:id/documents/:documentId',
    authenticate(services),
    handle(services, async (req, res, caller) => {
      const { document, content, filename } = await services.caseDocuments.download(String(req.params.id), String(req.params.documentId), caller);
      if (!(await commitAudit(services, caller, res))) return;
      res.set({ 'content-type': document.contentType, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' });
      res.send(content);
    }),
  );
  router.use(onError);
  return router;
}
