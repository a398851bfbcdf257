import { handleExtractRequest } from "@/lib/server/extract-request";

// The extractor and the streamed body limit want Node, not the edge runtime.
export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  return handleExtractRequest(request);
}
