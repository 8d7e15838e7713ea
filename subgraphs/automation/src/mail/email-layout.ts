import type { EmailBranding } from "../branding/email-branding.js";
import { escapeHtml } from "./escape-html.js";

const FONT = `-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif`;

/** One block of the email body, already HTML (callers escape what they put in). */
export type BodyBlock = { kind: "paragraph"; html: string } | { kind: "button"; url: string; label: string };

/**
 * The branded frame around every email: logo or name, accent stripe, primary-colour button, and a
 * footer linking to the portal. Table layout and inline styles because that is what mail clients
 * render reliably; one media query tightens the padding on phones.
 */
export function brandedHtml(branding: EmailBranding, subject: string, blocks: BodyBlock[]): string {
  const header = branding.logoUrl
    ? `<img src="${escapeHtml(branding.logoUrl)}" alt="${escapeHtml(branding.name)}" height="48" style="display:block;max-height:48px;max-width:240px;border:0;">`
    : `<div style="font-size:20px;font-weight:700;color:${branding.primaryColor};">${escapeHtml(branding.name)}</div>`;
  const body = blocks
    .map((block) => (block.kind === "button" ? button(branding, block.url, block.label) : paragraph(block.html)))
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(subject)}</title>
<style>@media (max-width: 620px) { .card { padding: 24px 20px !important; } }</style>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="background:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="max-width:560px;">
<tr><td style="height:6px;line-height:6px;font-size:0;background:${branding.accentColor};border-radius:8px 8px 0 0;">&nbsp;</td></tr>
<tr><td class="card" style="background:#ffffff;padding:32px 40px;border-radius:0 0 8px 8px;font-family:${FONT};font-size:16px;line-height:1.6;color:#1f2937;">
${header}
<div style="height:16px;line-height:16px;font-size:0;">&nbsp;</div>
${body}
</td></tr>
<tr><td style="padding:16px 12px;text-align:center;font-family:${FONT};font-size:12px;line-height:1.5;color:#6b7280;">
Sent by ${escapeHtml(branding.name)} &middot; <a href="${escapeHtml(branding.portalUrl)}" style="color:${branding.accentColor};">${escapeHtml(hostOf(branding.portalUrl))}</a>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}

/** Plain-text alternative with the same words and the link on a line of its own. */
export function brandedText(branding: EmailBranding, paragraphs: string[]): string {
  return `${paragraphs.join("\n\n")}\n\n--\n${branding.name}\n${branding.portalUrl}\n`;
}

function paragraph(html: string): string {
  return `<p style="margin:0 0 16px;">${html}</p>`;
}

function button(branding: EmailBranding, url: string, label: string): string {
  const href = escapeHtml(url);
  return `<table role="presentation" cellspacing="0" cellpadding="0" border="0" style="margin:8px 0 24px;">
<tr><td style="border-radius:6px;background:${branding.primaryColor};">
<a href="${href}" target="_blank" style="display:inline-block;padding:12px 28px;font-family:${FONT};font-size:16px;font-weight:600;color:${textColorOn(branding.primaryColor)};text-decoration:none;border-radius:6px;">${escapeHtml(label)}</a>
</td></tr>
</table>
<p style="margin:0 0 16px;font-size:13px;color:#6b7280;">If the button doesn't work, copy this link into your browser:<br><a href="${href}" target="_blank" style="color:${branding.accentColor};word-break:break-all;">${escapeHtml(url)}</a></p>`;
}

/** White or near-black text, whichever reads better on the brand colour (WCAG relative luminance). */
export function textColorOn(hex: string): string {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits.slice(0, 6);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(full.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.2 ? "#111827" : "#ffffff";
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
