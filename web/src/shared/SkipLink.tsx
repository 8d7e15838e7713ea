/** First focusable element on every page: jumps keyboard users past the header to #main. */
export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}
