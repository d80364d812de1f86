import { describe, expect, it } from 'vitest';
import { shareableLayer } from '../../../src/local/domain/share.ts';
import { isLocalStepId } from '../../../src/model/local-layer.ts';
import { contact, emptyLayer, localStep } from './local-fixtures.ts';

describe('the layer "voor andere gemeenten"', () => {
  it('replaces step ids made from a title by opaque ones, in every reference, the same in every export', () => {
    const named = { ...localStep('direct-na', 'bel-jan-jansen', 'direct-na.national'), title: 'Bel Jan Jansen' };
    const next = localStep('direct-na', 'daarna', named.id);
    const copied = { ...localStep('nazorg', 'piet-puk'), copiedFrom: 'nazorg.gm0599-piet-puk-bellen' };
    const layer = {
      ...emptyLayer(),
      steps: [named, next, copied],
      annotations: [{ targetId: named.id, note: 'n', contacts: [], nationalTextHash: 't1:x' }],
      notApplicable: [{ stepId: named.id, reason: 'r' }],
    };
    const { layer: shared } = shareableLayer(layer);
    const ids = JSON.stringify([
      shared.steps.map((s) => [s.id, s.after, s.copiedFrom]),
      shared.annotations.map((an) => an.targetId),
      shared.notApplicable.map((m) => m.stepId),
    ]);
    for (const leak of ['jansen', 'daarna', 'piet-puk']) expect(ids).not.toContain(leak);
    const [a, b, c] = shared.steps;
    for (const step of [a!, b!, c!]) {
      expect(isLocalStepId(step.id)).toBe(true);
      expect(step.id).toMatch(/^(direct-na|nazorg)\.gm0363-stap-[0-9a-f]{20}$/);
    }
    expect(b!.after).toBe(a!.id);
    expect(a!.after).toBe('direct-na.national');
    expect(shared.annotations[0]!.targetId).toBe(a!.id);
    expect(shared.notApplicable[0]!.stepId).toBe(a!.id);
    expect(c!.copiedFrom).toMatch(/^nazorg\.gm0599-stap-[0-9a-f]{20}$/);
    expect(new Set(shared.steps.map((s) => s.id)).size).toBe(3);
    // The same layer gives the same ids: a municipality that copied it recognises the steps later.
    expect(shareableLayer(layer).layer.steps.map((s) => s.id)).toEqual(shared.steps.map((s) => s.id));
  });

  it('keeps ids that are already opaque', () => {
    const step = localStep('preventie', 'stap-01jd3m5w9xk2q7v8t4r6n0p1ab');
    expect(
      shareableLayer({ ...emptyLayer(), steps: [step], contacts: [contact('gm0363-contact-1')] }).layer.steps[0]!.id,
    ).toBe(step.id);
  });
});

describe('organisation contacts and sources in the layer "voor andere gemeenten"', () => {
  it('leaves out a mobile number and a person’s mailbox under an organisation, and a source link with an e-mail address', () => {
    const org = {
      ...contact('gm0363-contact-1'),
      name: 'Woningcorporatie Ymere',
      phones: [
        { label: 'Piket', number: '020 123 4567' },
        { label: 'Mobiel', number: '06 1234 5678' },
        { label: 'Ook', number: '+31 (0)6-87654321' },
      ],
      email: 'j.jansen@ymere.example',
    };
    const team = { ...contact('gm0363-contact-2'), email: 'crisis.team@gemeente.example' };
    const step = {
      ...localStep('nazorg', 'stap-01jd3m5w9xk2q7v8t4r6n0p1ab'),
      sources: [
        { title: 'Convenant', url: 'https://example.org/convenant.pdf' },
        { title: 'Mail van Jan', url: 'mailto:jan.jansen@example.org' },
      ],
    };
    const { layer, report } = shareableLayer({ ...emptyLayer(), contacts: [org, team], steps: [step] });
    const [a, b] = layer.contacts;
    expect(a!.phones.map((p) => p.number)).toEqual(['020 123 4567']);
    expect(a!.email).toBeUndefined();
    expect(b!.email).toBe('crisis.team@gemeente.example');
    expect(layer.steps[0]!.sources).toEqual([
      { title: 'Convenant', url: 'https://example.org/convenant.pdf' },
      { title: 'Mail van Jan' },
    ]);
    expect(report).toMatchObject({ contactDetails: 3, sourceLinks: 1 });
  });

  it('redacts personal data in a source title', () => {
    const step = {
      ...localStep('nazorg', 'stap-01jd3m5w9xk2q7v8t4r6n0p1ab'),
      sources: [{ title: 'Afspraak, bel 06 1234 5678' }],
    };
    const { layer, report } = shareableLayer({ ...emptyLayer(), steps: [step] });
    expect(layer.steps[0]!.sources[0]!.title).not.toContain('1234');
    expect(report.redactedTexts).toBe(1);
  });
});
