import { useId, useState } from 'react';
import { formatDateTime } from '../../ui/format-date.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import { type InviteResponse, ROLE_LABEL, type TeamRole } from '../domain/protocol.ts';
import { syncApi } from '../store/api.ts';

/** The QR code as an SVG image; qrcode loads only here, off the start-up path. */
async function qrImageOf(link: string): Promise<string> {
  const qrcode = await import('qrcode');
  const svg = await qrcode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The coordinator invites a colleague: a link and QR code, 24 h, once. */
export function InviteSection({ token }: { token: string }) {
  const [role, setRole] = useState<TeamRole>('adviseur');
  const [invite, setInvite] = useState<{ response: InviteResponse; image: string }>();
  const [failure, setFailure] = useState<string>();
  const roleId = useId();
  return (
    <section aria-labelledby="uitnodigen-kop">
      <h2 id="uitnodigen-kop">Collega uitnodigen</h2>
      <label className="label" htmlFor={roleId}>
        Rol
      </label>
      <select id={roleId} className="input" value={role} onChange={(e) => setRole(e.target.value as TeamRole)}>
        <option value="adviseur">Adviseur (lezen en wijzigen)</option>
        <option value="meelezer">Meelezer (alleen lezen: kabinet, jurist)</option>
        <option value="coordinator">Coördinator</option>
      </select>
      <button
        type="button"
        className="button"
        onClick={async () => {
          setFailure(undefined);
          try {
            const response = await syncApi.invite(token, role);
            setInvite({ response, image: await qrImageOf(response.link) });
          } catch (error) {
            setFailure(userMessageOf(error));
          }
        }}
      >
        Maak uitnodiging
      </button>
      {failure && (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      )}
      {invite && (
        <div className="alert alert--ok" role="status">
          <p>
            Uitnodiging als {ROLE_LABEL[invite.response.role]}, eenmalig, geldig tot{' '}
            {formatDateTime(invite.response.expiresAt)}. Laat de collega de QR-code scannen of stuur de link via een
            veilig kanaal.
          </p>
          <img className="qr-code" src={invite.image} alt="QR-code van de uitnodiging" />
          <p className="invite-link" data-testid="invite-link">
            {invite.response.link}
          </p>
        </div>
      )}
    </section>
  );
}
