import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file under the given folders. */
function sources(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => join(dir, file)),
  );
}

/**
 * One word for one thing across the lock, sync and incident screens: "apparaat" (not
 * "toestel") for the phone, "beveiliging" (the settings section's name) for the app lock;
 * "schermvergrendeling" is the phone's own screen lock and stays.
 */
describe('the words for the device and the lock', () => {
  it('are the same on every screen', () => {
    const mixed = sources('src/lock', 'src/sync', 'src/incidents').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /\btoestel|(?<!scherm)vergrendeling/i.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(mixed).toEqual([]);
  });
});
