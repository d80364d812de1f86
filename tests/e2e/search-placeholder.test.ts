import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, launchProfile, type Profile, startAppServer } from './support/browser.ts';

describe('the search field at 320 px', () => {
  let server: AppServer;
  let profile: Profile;
  beforeAll(async () => {
    server = await startAppServer('dist');
    profile = await launchProfile();
  });
  afterAll(async () => {
    await profile.close();
    profile.remove();
    await server.stop();
  });

  it('shows its whole placeholder, not a cut-off example', async () => {
    const page = await profile.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.origin}/zoeken`);
    const input = page.locator('input[type="search"]');
    await input.waitFor();
    const { text, room } = await input.evaluate((el: HTMLInputElement) => {
      const style = getComputedStyle(el);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return {
        text: context.measureText(el.placeholder).width,
        room: el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight),
      };
    });
    expect(text).toBeGreaterThan(0);
    expect(text).toBeLessThanOrEqual(room);
    await page.close();
  });
});
