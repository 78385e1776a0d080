import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';
import { logger } from '../logger';
import type { AuditWriter } from '../modules/audit/audit-writer';

export const AUDIT_UNAVAILABLE = 'The audit log could not be written, so no data was returned; try again later';

/**
 * Fail-closed: the request's audit entries are committed before its response
 * is sent. If they cannot be, the response is replaced by an error with
 * `data: null`, so no personal data leaves the server unaudited.
 */
export function auditPlugin(writer: AuditWriter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const entries = contextValue.audit?.drain() ?? [];
          if (entries.length === 0) return;
          try {
            await writer.write(entries);
          } catch (error) {
            logger.error('audit write failed; response withheld', { error: (error as Error).name, entries: entries.length, requestId: contextValue.requestId });
            response.http.status = 503;
            response.http.headers.set('retry-after', '5');
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                data: null,
                errors: [{ message: AUDIT_UNAVAILABLE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
              };
            }
          }
        },
      };
    },
  };
}
