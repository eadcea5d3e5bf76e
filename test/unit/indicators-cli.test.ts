/**
 * `motcua indicators`: the bad-input contract (nothing on stdout, a Vietnamese message on stderr, exit
 * code 2), checked on the option parser and on the real command through a pipe. The numbers of a
 * real database are checked against the API in test/api/indicators.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIndicatorArgs } from '../../src/cli/indicators-command';

const ROOT = resolve(__dirname, '../..');

describe('indicators options', () => {
  it.each([
    [['indicators', '--from', '2026-11-01', '--to', '2026-11-30'], { from: '2026-11-01', to: '2026-11-30', centre: null }],
    [['--from=2026-01-01', '--to=2026-03-31', '--centre', 'HK'], { from: '2026-01-01', to: '2026-03-31', centre: 'HK' }],
  ])('%j', (argv, expected) => {
    expect(parseIndicatorArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--from', '2026-02-30', '--to', '2026-03-01'], 'ngày bắt đầu "2026-02-30" không hợp lệ'],
    [['--from', '01/11/2026', '--to', '2026-11-30'], 'ngày bắt đầu "01/11/2026" không hợp lệ'],
    [['--from', '2026-11-30', '--to', '2026-11-01'], 'phải từ ngày bắt đầu'],
    [['--to', '2026-11-30'], 'thiếu --from'],
    [['--from', '2026-11-01'], 'thiếu --to'],
    [['--from', '2026-11-01', '--to'], 'thiếu giá trị cho --to'],
    [['--from', '2026-11-01', '--to', '2026-11-30', '--year', '2026'], 'tùy chọn không hợp lệ "--year"'],
  ])('%j is refused: %s', (argv, message) => {
    const parsed = parseIndicatorArgs(argv);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toContain(message);
    expect((parsed as { error: string }).error).toMatch(/^Lỗi: /);
  });
});

describe('the real command with bad dates, through a pipe', () => {
  it.each([
    ['--from 2026-13-01 --to 2026-12-31', 'ngày bắt đầu "2026-13-01" không hợp lệ'],
    ['--from 2026-12-31 --to 2026-12-01', 'phải từ ngày bắt đầu'],
  ])('%s: exit 2, nothing on stdout, the reason on stderr', (args, message) => {
    // pipefail: the pipeline's status is the command's, not cat's.
    const result = spawnSync('bash', ['-c', `set -o pipefail; npm run -s cli -- indicators ${args} | cat`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, DATA_DIR: '/nonexistent/motcua-must-not-be-opened' },
    });
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Lỗi:');
    expect(result.status).toBe(2);
  });
});
