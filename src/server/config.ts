/** Configuration from the environment, parsed once at start; a wrong value stops the start loudly. */
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'postgres://user@host:port/database')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * Where the keys of face templates are kept, apart from the database and its backups (default
   * DATA_DIR/face-keys). Several app instances on one PostgreSQL must all point at one shared folder.
   */
  FACE_KEYS_DIR: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  MOTCUA_ADMIN_PASSWORD: z.string().min(8, 'at least 8 characters').optional(),
  /** Seed a demo ward (fields, counters, officers) into an empty database. */
  MOTCUA_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Mark cookies Secure (behind HTTPS). Off by default: most halls run plain HTTP on the LAN. */
  MOTCUA_SECURE_COOKIES: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Embedded database: hours between automatic backups (0: only at start), and how many to keep. */
  BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).max(168).default(6),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof Env>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}
