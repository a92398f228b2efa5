/**
 * jsonata's own date-picture parser (`$toMillis(text, picture)`), borrowed so the mapping's
 * `date` transform reads formats exactly as expressions do. jsonata does not export it; the one
 * supported way to reach a built-in is to evaluate `$toMillis`, which is async, hence the loader.
 */
import jsonata from "jsonata";
import type { PictureParser } from "./conversions";

type Implementation = (this: { environment: { timestamp: Date } }, text: string, picture: string) => number | undefined;

let loading: Promise<PictureParser> | undefined;

/** Resolves to the parser; loaded once per process. */
export function loadPictureParser(): Promise<PictureParser> {
  loading ??= jsonata("$toMillis")
    .evaluate({})
    .then((builtin: { implementation?: Implementation }) => {
      const implementation = builtin?.implementation;
      if (typeof implementation !== "function") throw new Error("jsonata's $toMillis is not available");
      // Components missing from the picture (e.g. the year) default to the current date's.
      return (text: string, picture: string) => implementation.call({ environment: { timestamp: new Date() } }, text, picture);
    })
    .catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
  return loading;
}
