import { z } from 'zod';
import type { ApiApp, ApiDependencies } from './api-dependencies';
import { ApiError } from './api-error';
import { parseQuery } from './request-input';

const InboxQuery = z.strictObject({
  to: z.email('expected an e-mail address, e.g. ar@example.com').optional(),
});

/** Adds `GET /inbox`: the e-mails the local SMTP capture received, newest first. */
export function registerInboxRoutes(app: ApiApp, deps: ApiDependencies): void {
  app.get('/inbox', (c) => {
    const { to } = parseQuery(c, InboxQuery);
    const inbox = deps.inbox;
    if (inbox === undefined) {
      throw new ApiError(404, 'inboxNotConfigured', 'this API has no SMTP capture inbox', {
        fix: 'e-mails go to a real SMTP server here; read them there, or start Dunflow with its local SMTP capture',
      });
    }
    const messages = inbox.messages(to === undefined ? {} : { to }).reverse();
    return c.json({ messages, dropped: inbox.dropped });
  });
}
