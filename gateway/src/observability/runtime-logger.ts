import type { LogLevel } from "@graphql-hive/gateway-runtime";
import { Logger as HiveLogger } from "@graphql-hive/logger";
import { gatewayLog } from "./index.js";

/**
 * The gateway runtime's own log lines (Hive's logger), written by the portal's logger: JSON with
 * the others in production instead of Hive's console format. `trace` becomes `debug`.
 */
export function runtimeLogger(level: LogLevel): HiveLogger {
  const log = gatewayLog().child({ component: "gateway-runtime" });
  return new HiveLogger({
    level,
    writers: [
      {
        write(written, attrs, msg) {
          log[written === "trace" ? "debug" : written](attrs ?? {}, msg ?? undefined);
        },
      },
    ],
  });
}
