// Some APIs require a User-Agent naming the client (GitHub), Discord in its own format.
export const JUNCTION_VERSION = "0.1.0";
export const JUNCTION_URL = "https://github.com/junction-hub/junction";
export const JUNCTION_USER_AGENT = `Junction/${JUNCTION_VERSION} (+${JUNCTION_URL})`;
