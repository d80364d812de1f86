import type { Page } from 'playwright-core';

/** The passkey wraps as IndexedDB holds them: format version and ciphertext bytes. */
export function storedPasskeyWraps(page: Page): Promise<{ v?: number; ct: number[] }[]> {
  return page.evaluate(
    () =>
      new Promise<{ v?: number; ct: number[] }[]>((resolve, reject) => {
        const open = indexedDB.open('handelingskader');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('keyring').objectStore('keyring').get('lock');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            open.result.close();
            const passkeys = (get.result?.passkeys ?? []) as { v?: number; ct: Uint8Array }[];
            resolve(passkeys.map(({ v, ct }) => ({ v, ct: [...ct] })));
          };
        };
      }),
  );
}

/**
 * Rewrites the first enrolled passkey's wrap as the app wrote it before the credential id
 * was bound in (no `v`, a fixed label as GCM additional data), the way phones enrolled
 * earlier still hold it. Done in the page with WebCrypto and the virtual authenticator,
 * not with the app's code: the data key from the passphrase wrap, the PRF output from
 * an assertion of that credential.
 */
export function rewriteFirstPasskeyInOldFormat(page: Page, passphrase: string): Promise<void> {
  return page.evaluate(async (passphrase) => {
    const text = new TextEncoder();
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const db = await done(indexedDB.open('handelingskader'));
    const keyring = (mode: IDBTransactionMode) => db.transaction('keyring', mode).objectStore('keyring');
    const row = await done(keyring('readonly').get('lock'));
    const { salt, iterations, iv, ct } = row.passphrase;
    const secret = await crypto.subtle.importKey('raw', text.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
    const passphraseKey = await crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
      secret,
      { name: 'AES-GCM', length: 256 },
      false,
      ['decrypt'],
    );
    const dataKey = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: text.encode('handelingskader data key v1') },
      passphraseKey,
      ct,
    );
    const [enrolled] = row.passkeys;
    const assertion = (await navigator.credentials.get({
      publicKey: {
        challenge: crypto.getRandomValues(new Uint8Array(32)),
        rpId: location.hostname,
        allowCredentials: [{ type: 'public-key', id: enrolled.credentialId }],
        userVerification: 'required',
        extensions: { prf: { eval: { first: row.prfInput } } },
      },
    })) as PublicKeyCredential;
    const prf = assertion.getClientExtensionResults().prf?.results?.first as ArrayBuffer;
    const wrapSalt = crypto.getRandomValues(new Uint8Array(32));
    const wrapIv = crypto.getRandomValues(new Uint8Array(12));
    const material = await crypto.subtle.importKey('raw', prf, 'HKDF', false, ['deriveKey']);
    const wrapKey = await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: wrapSalt, info: text.encode('handelingskader passkey wrap v1') },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt'],
    );
    const wrapCt = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: wrapIv, additionalData: text.encode('handelingskader data key passkey v1') },
      wrapKey,
      dataKey,
    );
    const old = { credentialId: enrolled.credentialId, salt: wrapSalt, iv: wrapIv, ct: new Uint8Array(wrapCt) };
    await done(keyring('readwrite').put({ ...row, passkeys: [{ ...old, createdAt: enrolled.createdAt }] }));
    db.close();
  }, passphrase);
}
