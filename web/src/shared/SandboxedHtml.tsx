interface SandboxedHtmlProps {
  html: string;
  title: string;
  /** Let links navigate this tab (the dev mailbox needs magic links to be clickable). */
  linksOpenInThisTab?: boolean;
}

/**
 * Email HTML rendered in an iframe with no script, forms or same-origin access, so a template
 * cannot touch the app. With `linksOpenInThisTab`, a <base target="_top"> makes link clicks
 * (and only user-initiated ones) replace the app page.
 */
export function SandboxedHtml({ html, title, linksOpenInThisTab }: SandboxedHtmlProps) {
  const document = linksOpenInThisTab ? withTopTargetBase(html) : html;
  return (
    <iframe
      className="email-frame"
      title={title}
      srcDoc={document}
      sandbox={linksOpenInThisTab ? "allow-top-navigation-by-user-activation" : ""}
      referrerPolicy="no-referrer"
    />
  );
}

function withTopTargetBase(html: string): string {
  const base = '<base target="_top">';
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (head) => head + base);
  return base + html;
}
