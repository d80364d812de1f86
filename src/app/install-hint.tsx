/**
 * How to put the app on the home screen, for Android and iOS. Only while it runs in a
 * browser tab: an installed app (display-mode standalone, or iOS's navigator.standalone)
 * has no use for it.
 */
export function isInstalled(): boolean {
  const standalone = typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches;
  return standalone || (navigator as Navigator & { standalone?: boolean }).standalone === true;
}

export function InstallHint() {
  if (isInstalled()) return null;
  return (
    <section aria-labelledby="installeren-kop" data-testid="install-hint">
      <h2 id="installeren-kop">Zet op beginscherm</h2>
      <p>
        Als app op uw beginscherm opent het handelingskader met één tik, ook zonder verbinding, en zonder de balken van
        de browser.
      </p>
      <ul>
        <li>
          <strong>Android (Chrome):</strong> tik op het menu ⋮ rechtsboven en kies <em>App installeren</em> of{' '}
          <em>Toevoegen aan startscherm</em>.
        </li>
        <li>
          <strong>iPhone en iPad (Safari):</strong> tik op de deelknop (het vierkant met de pijl omhoog) en kies{' '}
          <em>Zet op beginscherm</em>.
        </li>
      </ul>
    </section>
  );
}
