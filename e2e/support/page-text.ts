/** Reading what a person sees on a page, waiting until it shows what a test expects. */
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** The visible text of the first match, '' while nothing matches. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.count()) === 0 ? '' : ((await locator.first().innerText()) ?? '');
}

/** Waits until the locator's visible text matches. */
export async function sees(locator: Locator, expected: RegExp, timeout = 15_000): Promise<void> {
  await expect.poll(() => textOf(locator), { timeout }).toMatch(expected);
}
