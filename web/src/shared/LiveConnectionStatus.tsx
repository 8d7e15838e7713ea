import { useSyncExternalStore } from "react";
import type { LiveConnection } from "../apollo";

/**
 * A small polite notice while live updates are paused because the server went away; it goes
 * once the connection is back. The status region is always present so screen readers announce
 * the change.
 */
export function LiveConnectionStatus({ live }: { live: LiveConnection }) {
  const paused = useSyncExternalStore(live.subscribe, live.paused);
  return (
    <div role="status" className={paused ? "live-status live-status-paused" : "live-status"} data-testid="live-status">
      {paused && (
        <>
          <span className="spinner" aria-hidden="true" /> Live updates paused — reconnecting…
        </>
      )}
    </div>
  );
}
