/**
 * Evidence and document files. Uploads are the raw bytes of one file as application/octet-stream (the server
 * decides what it is from its content); the caller is authenticated before a byte of the body is read. Downloads are
 * always attachments in a sandbox, never a page of this site.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_UPLOAD_BYTES, StoredFileMeta } from '../../contracts/files';
import { readStoredFile, storeUpload } from '../services/files';
import { actorOf, guard, OVERSIGHT } from './guard';
import { ErrorBody, errors, IdParams } from './schemas';

/** A little above the limit, so that a slightly too large file gets the message naming it and the limit. */
const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 1024 * 1024;

/** RFC 6266/5987 filename: an ASCII fallback and the UTF-8 name for Vietnamese. */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function fileRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Only this plugin's routes take raw bytes; the rest of the API stays JSON. A browser form cannot send this
  // type, so a cross-site page cannot post a file with a signed-in person's cookie.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(
    '/files',
    {
      onRequest: guard(OVERSIGHT),
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        querystring: z.object({ name: z.string().trim().min(1).max(400) }),
        response: { 201: StoredFileMeta, ...errors, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (request, reply) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const meta = await storeUpload(app.deps.ctx, actorOf(request), { name: request.query.name, bytes });
      return reply.status(201).send(meta);
    },
  );

  app.get('/files/:id', { preHandler: guard(OVERSIGHT), schema: { params: IdParams } }, async (request, reply) => {
    const file = await readStoredFile(app.deps.ctx, actorOf(request), request.params.id);
    return reply
      .header('content-type', file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType)
      .header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, max-age=0, must-revalidate')
      .header('etag', `"${file.sha256}"`)
      .header('content-length', String(file.size))
      .send(Readable.from(file.content()));
  });
}
