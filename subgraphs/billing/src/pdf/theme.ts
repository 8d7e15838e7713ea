import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BusinessBranding } from "./invoice-document.js";

/**
 * Fonts and colours for a rendered document. DejaVu Sans is embedded because the PDF standard
 * fonts only cover WinAnsi, and names, descriptions and notes can be in any script.
 */

const require = createRequire(import.meta.url);

function loadFont(file: string): Buffer {
  return readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** Font files are read once per process; every document embeds only the glyphs it uses. */
export function fontFiles(): { regular: Buffer; bold: Buffer } {
  fonts ??= { regular: loadFont("DejaVuSans.ttf"), bold: loadFont("DejaVuSans-Bold.ttf") };
  return fonts;
}

export const REGULAR_FONT = "Body";
export const BOLD_FONT = "Body-Bold";

export interface Theme {
  primary: string;
  accent: string;
  text: string;
  muted: string;
  rule: string;
}

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Branding colours are tenant input: anything that is not a hex colour falls back to the default. */
function colourOr(value: string | null | undefined, fallback: string): string {
  return value && HEX_COLOUR.test(value.trim()) ? value.trim() : fallback;
}

export function themeFor(business: BusinessBranding): Theme {
  return {
    primary: colourOr(business.primaryColor, "#1f2937"),
    accent: colourOr(business.accentColor, "#2563eb"),
    text: "#111827",
    muted: "#6b7280",
    rule: "#e5e7eb",
  };
}
