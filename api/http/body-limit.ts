import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ProblemError, problemResponse } from './problem';

export const jsonMaxBytes = 1_048_576;

/** The CSV import (API and console upload) has its own limit; everything else is JSON, a form (or no body). */
const importPaths = new Set(['/api/v1/appointments/import', '/console/appointments/import']);

function describeBytes(bytes: number): string {
  return bytes % 1_048_576 === 0 ? `${bytes / 1_048_576} MB` : `${bytes.toLocaleString('en')} bytes`;
}

const tooLargeTitle = 'Content Too Large';

/**
 * Caps every request body before anything reads it: 1 MB, or `importMaxBytes` for the CSV
 * import. A body without Content-Length (chunked) is counted as it streams and cut at the limit.
 */
export function limitRequestBodies(limits: { importMaxBytes: number }): MiddlewareHandler {
  const jsonLimit = bodyLimit({
    maxSize: jsonMaxBytes,
    onError: (c) =>
      problemResponse(c, { title: tooLargeTitle, status: 413, detail: `The request body is larger than ${describeBytes(jsonMaxBytes)}; send at most ${describeBytes(jsonMaxBytes)}.` }),
  });
  const importLimit = streamLimit(
    limits.importMaxBytes,
    `The upload is larger than ${describeBytes(limits.importMaxBytes)} (IMPORT_MAX_BYTES); split the file, or use npm run import:appointments on the server.`,
  );
  return function limitRequestBodies(c, next) {
    return importPaths.has(c.req.path) ? importLimit(c, next) : jsonLimit(c, next);
  };
}

/**
 * Like hono's bodyLimit, but passes the body on as a stream instead of buffering it here: an
 * upload of up to `maxBytes` must not sit in memory before the route has authenticated its sender.
 * Reading past the limit fails with a 413 ProblemError, which the app answers as problem+json.
 */
function streamLimit(maxBytes: number, detail: string): MiddlewareHandler {
  return async function streamLimit(c: Context, next) {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = Number(c.req.header('Content-Length') ?? Number.NaN);
    if (declared > maxBytes) return problemResponse(c, { title: tooLargeTitle, status: 413, detail });
    let seen = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) controller.error(new ProblemError(413, tooLargeTitle, detail));
          else controller.enqueue(chunk);
        },
      }),
    );
    // `duplex` is required by Node's fetch for a streamed body but missing from the DOM typings.
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    return next();
  };
}
