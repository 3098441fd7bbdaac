import QRCode from 'qrcode';
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { totpUri } from '../../staff/staff-totp';

/**
 * What an authenticator app needs: a QR code of the otpauth:// URI (drawn here as SVG, no
 * third-party service sees the secret) and the secret itself for typing in by hand.
 */
export async function totpEnrolmentSvg(email: string, secret: string): Promise<string> {
  return QRCode.toString(totpUri({ email }, secret), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

export const TotpEnrolment: FC<{ svg: string; secret: string }> = ({ svg, secret }) => (
  <div class="card">
    <p>Scan this code with an authenticator app (for example Google Authenticator, Microsoft Authenticator or FreeOTP):</p>
    <figure class="qr" aria-label="QR code of your two-factor secret">
      {raw(svg)}
    </figure>
    <p>
      Or type this key into the app: <span class="secret">{secret}</span>
    </p>
  </div>
);
