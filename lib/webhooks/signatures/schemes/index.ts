import type { SignatureScheme } from "@/lib/connectors/types";
import type { SchemeVerifier } from "../types";
import { genericHmac } from "./generic-hmac";
import { github } from "./github";
import { none } from "./none";
import { shopify } from "./shopify";
import { slack } from "./slack";
import { standardWebhooks } from "./standard-webhooks";
import { stripe } from "./stripe";

/** Every scheme a connector may declare; the type makes a missing entry a compile error. */
export const schemeVerifiers: Record<SignatureScheme, SchemeVerifier> = {
  none,
  stripe,
  github,
  slack,
  shopify,
  "standard-webhooks": standardWebhooks,
  "generic-hmac": genericHmac,
};
