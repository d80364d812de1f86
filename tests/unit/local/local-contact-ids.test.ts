import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocalContactList } from '../../../src/content/local-contacts.tsx';
import { contact } from './local-fixtures.ts';

describe('local contact lists', () => {
  it('give each element its own id when one contact appears in two lists on a page', () => {
    const shared = contact('gm0363-contact-1');
    const html = renderToStaticMarkup(
      createElement(
        Fragment,
        null,
        createElement(LocalContactList, { contacts: [shared], label: 'Bij deze stap' }),
        createElement(LocalContactList, { contacts: [shared], label: 'Van de partner' }),
      ),
    );
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id) => id?.endsWith(shared.id))).toHaveLength(2);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
