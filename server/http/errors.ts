import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Refusal } from '../protocol/refusal.ts';
import { isConnectionError } from '../store/database.ts';

/** Maps anything thrown in a handler to a Refusal: a status, a code and a Dutch message. */
export function toRefusal(error: FastifyError | Error): Refusal {
  if (error instanceof Refusal) return error;
  const e = error as FastifyError;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Refusal('body-too-large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Refusal('unsupported-media-type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Refusal('invalid-json');
  }
  if (e.statusCode === 429) return new Refusal('rate-limited');
  // JSON.parse and secure-json-parse (a __proto__ key) errors carry 400 without a code of their own.
  if (e.statusCode === 400) return new Refusal('invalid-json', e.message.slice(0, 200));
  if (e.statusCode === 404) return new Refusal('not-found');
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500)
    return new Refusal('invalid-request', e.code);
  if (isConnectionError(e)) return new Refusal('unavailable');
  return new Refusal('internal');
}

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const refusal = toRefusal(error);
  if (refusal.status >= 500) request.log.error({ err: error }, 'request failed');
  // A known event id with other content means a tampered or broken device: the operator should know (ids only).
  else if (refusal.code === 'event-conflict' || refusal.code === 'second-incident-created')
    request.log.warn({ code: refusal.code, detail: refusal.detail }, 'conflicting event refused');
  return reply.status(refusal.status).send(refusal.toBody());
}
