import type { ImportFailureReason } from '../../../src/exchange/import/import-result.ts';
import { bytesFile, type Case, type HostileSource, PASSPHRASE, textFile } from './hostile-support.ts';

/** Damaged gzip-compressed and encrypted files: the envelopes around an export. */
export function envelopeCases({ encryptedText, gzipped }: HostileSource): Case[] {
  const list: Case[] = [];
  // Gzip-compressed files: cut off, a changed byte, a bomb, not JSON inside, hostile JSON inside.
  const gz = gzipped.valid;
  list.push({ name: 'gzip cut off halfway', file: bytesFile(gz.slice(0, gz.length >> 1)), expected: 'unreadable' });
  list.push({ name: 'gzip header only', file: bytesFile(gz.slice(0, 10)), expected: 'unreadable' });
  for (const position of [12, gz.length >> 1, gz.length - 6]) {
    const changed = gz.slice();
    changed[position] = changed[position]! ^ 0xff;
    list.push({ name: `gzip, byte changed at ${position}`, file: bytesFile(changed), expected: 'unreadable' });
  }
  list.push({ name: 'gzip bomb', file: bytesFile(gzipped.bomb), expected: 'too-large' });
  list.push({ name: 'gzip of text that is not JSON', file: bytesFile(gzipped.notJson), expected: 'unreadable' });
  list.push({ name: 'gzip of JSON with __proto__', file: bytesFile(gzipped.pollution), expected: 'invalid-content' });

  // Encrypted files: no passphrase, a wrong one, changed bytes, changed parameters.
  list.push({ name: 'encrypted without passphrase', file: textFile(encryptedText), expected: 'needs-passphrase' });
  for (const wrong of ['fout', `${PASSPHRASE} `, PASSPHRASE.toUpperCase()]) {
    list.push({
      name: `wrong passphrase "${wrong}"`,
      file: textFile(encryptedText),
      passphrase: wrong,
      expected: 'wrong-passphrase',
    });
  }
  const envelope = JSON.parse(encryptedText);
  const ciphertext: string = envelope.ciphertext;
  for (let i = 0; i < 16; i++) {
    const position = Math.floor(((i + 0.5) * (ciphertext.length - 4)) / 16);
    const flipped = ciphertext[position] === 'A' ? 'B' : 'A';
    const changed = {
      ...envelope,
      ciphertext: ciphertext.slice(0, position) + flipped + ciphertext.slice(position + 1),
    };
    list.push({
      name: `encrypted, byte changed at ${position}`,
      file: textFile(JSON.stringify(changed)),
      passphrase: PASSPHRASE,
      expected: 'wrong-passphrase',
    });
  }
  const withHeader = (name: string, change: (copy: typeof envelope) => void, expected: ImportFailureReason) => {
    const copy = JSON.parse(encryptedText);
    change(copy);
    list.push({ name, file: textFile(JSON.stringify(copy)), passphrase: PASSPHRASE, expected });
  };
  withHeader(
    'encrypted, iterations raised',
    (copy) => {
      copy.kdf.iterations += 1;
    },
    'wrong-passphrase',
  );
  withHeader(
    'encrypted, iterations lowered',
    (copy) => {
      copy.kdf.iterations = 1000;
    },
    'unsafe-parameters',
  );
  withHeader(
    'encrypted, iterations absurd',
    (copy) => {
      copy.kdf.iterations = 1e12;
    },
    'unsafe-parameters',
  );
  withHeader(
    'encrypted, other salt',
    (copy) => {
      copy.kdf.salt = 'AAAAAAAAAAAAAAAAAAAAAA==';
    },
    'wrong-passphrase',
  );
  withHeader(
    'encrypted, other iv',
    (copy) => {
      copy.cipher.iv = 'AAAAAAAAAAAAAAAA';
    },
    'wrong-passphrase',
  );
  withHeader(
    'encrypted, short iv',
    (copy) => {
      copy.cipher.iv = 'AAAA';
    },
    'invalid-content',
  );
  withHeader(
    'encrypted, other cipher',
    (copy) => {
      copy.cipher.name = 'AES-CBC';
    },
    'invalid-content',
  );
  withHeader(
    'encrypted, other hash',
    (copy) => {
      copy.kdf.hash = 'SHA-1';
    },
    'invalid-content',
  );
  withHeader(
    'encrypted, ciphertext cut short',
    (copy) => {
      copy.ciphertext = copy.ciphertext.slice(0, 40);
    },
    'wrong-passphrase',
  );
  withHeader(
    'encrypted, ciphertext not base64',
    (copy) => {
      copy.ciphertext = '!!!!';
    },
    'invalid-content',
  );
  withHeader(
    'encrypted, version 2',
    (copy) => {
      copy.version = 2;
    },
    'invalid-content',
  );
  list.push({
    name: 'encrypted, cut off',
    file: textFile(encryptedText.slice(0, encryptedText.length / 2)),
    expected: 'unreadable',
  });
  return list;
}
