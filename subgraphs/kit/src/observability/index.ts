export * from "./health.js";
export * from "./logger.js";
export * from "./metrics.js";
export * from "./request-id.js";
