import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { brandingOf } from "../src/branding/email-branding.js";
import { textColorOn } from "../src/mail/email-layout.js";
import { fromHeader } from "../src/mail/mail-transport.js";
import { renderEmail } from "../src/mail/render-email.js";
import { DEFAULT_TEMPLATES } from "../src/templates/default-templates.js";
import { NotificationTemplateKey } from "../src/templates/template-key.js";
import { validateTemplate } from "../src/templates/template-validation.js";

const business = {
  name: "Acme Ltd",
  displayName: "Acme",
  logoUrl: null,
  primaryColor: "#ffd400",
  accentColor: "#0055aa",
  portalUrl: "https://acme.portal.test",
};

describe("email rendering", () => {
  it("escapes names and staff text in the HTML part, and keeps the text part plain", () => {
    const email = renderEmail(
      NotificationTemplateKey.SIGN_IN,
      { subject: "Hi {{contact.firstName}}", body: "Dear {{contact.name}} & co <b>\n\n{{link}}\n\nOr open {{link}} yourself." },
      {
        contact: { name: `<script>alert("x")</script>`, firstName: "Bo" },
        link: "https://acme.portal.test/c?token=a&b=1",
        expiresInMinutes: 15,
      },
      brandingOf(business),
    );
    expect(email.subject).toBe("Hi Bo");
    expect(email.html).toContain("Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co &lt;b&gt;");
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain(`href="https://acme.portal.test/c?token=a&amp;b=1"`);
    expect(email.html).toContain(">Sign in</a>"); // the link-only paragraph is the button
    expect(email.html).toContain("color:#111827"); // dark text on a light brand colour
    expect(email.text).toContain(`Dear <script>alert("x")</script> & co <b>`);
    expect(email.text).toContain("Or open https://acme.portal.test/c?token=a&b=1 yourself.");
  });

  it("falls back to neutral branding and refuses unsafe colours", () => {
    expect(brandingOf(null).name).toBe("Your business");
    expect(brandingOf({ ...business, primaryColor: "red;background:url(x)" }).primaryColor).toBe("#4f46e5");
    expect(textColorOn("#4f46e5")).toBe("#ffffff");
  });

  it("puts the business's name on the platform's sending address", () => {
    expect(fromHeader(`Bob "The Builder"`, "Client Portal <portal@example.test>")).toBe(`"Bob \\"The Builder\\"" <portal@example.test>`);
    expect(fromHeader("Acme", "portal@example.test")).toBe(`"Acme" <portal@example.test>`);
  });

  it("ships defaults that pass its own validation", () => {
    for (const key of Object.values(NotificationTemplateKey)) expect(validateTemplate(key, DEFAULT_TEMPLATES[key])).toBeNull();
  });
});
