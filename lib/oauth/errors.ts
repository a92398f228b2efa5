import { ApiError } from "@/lib/api/errors";

/** OAuth flow errors are 400s with a stable code the connections page can explain. */
export const badRequest = (code: string, message: string) => new ApiError(400, code, message);
