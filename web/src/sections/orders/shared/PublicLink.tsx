import { useId } from "react";
import { CopyButton } from "../../../shared/CopyButton";
import { offerUrl } from "./links";

/**
 * The offer's public order page, to copy and share. Billing builds it from the business's configured
 * portal address; until it knows that, the address the console is open on stands in (the same host).
 */
export function PublicLink({ publicUrl, slug, name }: { publicUrl: string | null; slug: string; name: string }) {
  const id = useId();
  const url = publicUrl ?? offerUrl(window.location.origin, slug);
  return (
    <div className="offer-link">
      <label htmlFor={id} className="visually-hidden">
        Public link of {name}
      </label>
      <input id={id} readOnly value={url} onFocus={(event) => event.target.select()} data-testid="offer-public-link" />
      <CopyButton text={url} label="Copy link" />
      <a href={url} target="_blank" rel="noreferrer">
        Open<span className="visually-hidden"> the order page of {name} (new tab)</span>
      </a>
    </div>
  );
}
