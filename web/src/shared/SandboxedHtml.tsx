interface SandboxedHtmlProps {
  html: string;
  title: string;
  /** Let links navigate this tab (the dev mailbox needs magic links to be clickable). */
  linksOpenInThisTab?: boolean;
}

/**
 * Email HTML rendered in an iframe with no script, forms or same-origin access, so a template
 * cannot touch the app. With `linksOpenInThisTab`, every link is retargeted to the top window, and
 * the sandbox lets only a user's click navigate it.
 */
export function SandboxedHtml({ html, title, linksOpenInThisTab }: SandboxedHtmlProps) {
  const document = linksOpenInThisTab ? withLinksToTop(html) : html;
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

/**
 * Emails open their links in a new tab (`target="_blank"`), which a sandbox without popups blocks;
 * here they replace the page instead. Parsing with DOMParser runs nothing, and links that are not
 * http(s) lose their href so they cannot navigate the app anywhere unexpected.
 */
export function withLinksToTop(html: string): string {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  for (const script of parsed.querySelectorAll("script")) script.remove();
  for (const link of parsed.querySelectorAll("a[href]")) {
    const href = link.getAttribute("href") ?? "";
    if (/^https?:\/\//i.test(href)) link.setAttribute("target", "_top");
    else link.removeAttribute("href");
    link.removeAttribute("rel");
  }
  const base = parsed.createElement("base");
  base.setAttribute("target", "_top");
  parsed.head.prepend(base);
  return `<!doctype html>${parsed.documentElement.outerHTML}`;
}
