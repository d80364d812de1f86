import type { CDPSession, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createIncident } from './support/incident-helpers.ts';
import {
  appWithProfile,
  gotoUnlocked,
  PASSPHRASE,
  startLockSetUp,
  unlockThroughUi,
  vergrendelButton,
} from './support/lock-helpers.ts';
import { rewriteFirstPasskeyInOldFormat, storedPasskeyWraps } from './support/passkey-helpers.ts';

/**
 * Unlock with a passkey through the WebAuthn PRF extension, against Chromium's virtual
 * authenticator (DevTools protocol: a platform authenticator with user verification
 * and PRF). No server: the relying party is the page's host (localhost).
 */
describe('unlocking with a passkey', () => {
  const env = appWithProfile();
  const street = `Passkeylaan${Date.now().toString(36)}`;

  async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
    const cdp = await env.profile.context.newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        ctap2Version: 'ctap2_1',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        hasPrf: true,
        automaticPresenceSimulation: true,
      },
    });
    return { cdp, authenticatorId };
  }

  it('enrols a passkey with the passphrase, then unlocks with it, also after a reload', async () => {
    const page = await env.profile.context.newPage();
    const incidentId = await createIncident(page, env.server.origin, { street });
    const { cdp, authenticatorId } = await virtualAuthenticator(page);
    await page.goto(`${env.server.origin}/incidenten/instellingen`);
    await startLockSetUp(page);
    await vergrendelButton(page).waitFor({ timeout: 60_000 });

    const field = page.getByLabel('Wachtzin om een passkey in te stellen');
    await field.fill('niet de wachtzin');
    await page.getByRole('button', { name: 'Passkey instellen' }).click();
    await page.getByText('De wachtzin klopt niet. Er is niets gewijzigd.').waitFor();
    expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials).toHaveLength(0);

    await field.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Passkey instellen' }).click();
    await page.getByText('De passkey is ingesteld.').waitFor();
    expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials).toHaveLength(1);

    await vergrendelButton(page).first().click();
    await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).waitFor();
    await page.getByRole('button', { name: 'Ontgrendel met passkey' }).click();
    await vergrendelButton(page).first().waitFor();

    // A page load locks; the passkey opens the incident as well.
    await page.goto(`${env.server.origin}/incidenten/${incidentId}`);
    await page.getByRole('button', { name: 'Ontgrendel met passkey' }).click();
    await page.getByText(street).first().waitFor();

    // The fingerprint not recognised: a Dutch message, still locked, and the passphrase still works.
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    await vergrendelButton(page).first().click();
    await page.getByRole('button', { name: 'Ontgrendel met passkey' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /passkey/ })
      .waitFor({ timeout: 90_000 });
    expect(await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).isVisible()).toBe(true);
    await gotoUnlocked(page, `${env.server.origin}/incidenten/${incidentId}`);
    await page.getByText(street).first().waitFor();

    // Removing asks first, with the keyboard: the focus goes to the question, and back to the
    // button after cancelling (Annuleren or Escape); every button is a 44 px target.
    await page.goto(`${env.server.origin}/incidenten/instellingen`);
    await unlockThroughUi(page);
    const removeButton = page.getByRole('button', { name: 'Passkey verwijderen' });
    const confirmation = page.getByRole('alertdialog', { name: /Weet u het zeker\?/ });
    const confirmButton = page.getByRole('button', { name: 'Ja, verwijder de passkey' });
    const cancelButton = page.getByRole('button', { name: 'Annuleren' });
    const focused = (locator: Locator) => expect.poll(() => locator.evaluate((el) => el === document.activeElement));
    await removeButton.focus();
    await page.keyboard.press('Enter');
    await confirmation.waitFor();
    await focused(confirmation.getByText('Weet u het zeker?')).toBe(true);
    for (const button of [confirmButton, cancelButton]) {
      const box = await button.boundingBox();
      expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(44);
    }
    await page.keyboard.press('Tab');
    await focused(confirmButton).toBe(true);
    await page.keyboard.press('Tab');
    await focused(cancelButton).toBe(true);
    await page.keyboard.press('Enter');
    await focused(removeButton).toBe(true);
    const removeBox = await removeButton.boundingBox();
    expect(Math.min(removeBox!.width, removeBox!.height)).toBeGreaterThanOrEqual(44);
    await page.keyboard.press('Enter');
    await focused(confirmation.getByText('Weet u het zeker?')).toBe(true);
    await page.keyboard.press('Escape');
    await focused(removeButton).toBe(true);
    expect(await confirmation.count()).toBe(0);

    // Confirmed: the focus lands on the section's heading, followed by the outcome, not on the page's body.
    // The outcome arrives in the live region that was already there (the form replacing the
    // button does not replace it), so a screen reader announces it.
    const heading = page.getByRole('heading', { level: 3, name: 'Ontgrendelen met vingerafdruk of gezicht' });
    const region = await heading.locator('xpath=following-sibling::*[1]').getByRole('status').elementHandle();
    expect(await region!.textContent()).toBe('');
    await page.keyboard.press('Enter');
    await focused(confirmation.getByText('Weet u het zeker?')).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('De passkey is verwijderd.').waitFor();
    await focused(heading).toBe(true);
    expect(await region!.evaluate((el) => el.isConnected && el.textContent)).toBe(
      'De passkey is verwijderd. Ontgrendel voortaan met uw wachtzin.',
    );
    await vergrendelButton(page).first().click();
    await page.getByRole('heading', { level: 1, name: 'Vergrendeld' }).waitFor();
    expect(await page.getByRole('button', { name: 'Ontgrendel met passkey' }).count()).toBe(0);
  });

  it('keeps a passkey enrolled before the credential binding working, and binds it at its next unlock', async () => {
    const page = await env.profile.context.newPage();
    await virtualAuthenticator(page);
    await gotoUnlocked(page, `${env.server.origin}/incidenten/instellingen`);
    await page.getByLabel('Wachtzin om een passkey in te stellen').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Passkey instellen' }).click();
    await page.getByText('De passkey is ingesteld.').waitFor();
    expect((await storedPasskeyWraps(page)).map((wrap) => wrap.v)).toEqual([2]);

    await rewriteFirstPasskeyInOldFormat(page, PASSPHRASE);
    const [old] = await storedPasskeyWraps(page);
    expect(old!.v).toBeUndefined();

    await vergrendelButton(page).first().click();
    await page.getByRole('button', { name: 'Ontgrendel met passkey' }).click();
    await vergrendelButton(page).first().waitFor();
    const [bound] = await storedPasskeyWraps(page);
    expect(bound!.v).toBe(2);
    expect(bound!.ct).not.toEqual(old!.ct);

    // The rewritten wrap opens after a page load too.
    await page.goto(`${env.server.origin}/incidenten`);
    await page.getByRole('button', { name: 'Ontgrendel met passkey' }).click();
    await page.getByText(street).first().waitFor();
    expect(await storedPasskeyWraps(page)).toEqual([bound]);
  });
});
