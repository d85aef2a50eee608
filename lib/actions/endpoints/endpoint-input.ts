import { z } from "zod";

export const endpointFields = {
  name: z.string().trim().min(1, "give it a name").max(100),
  kind: z.enum(["openai", "trainer"]).default("openai"),
  baseUrl: z.string().trim().url("a URL such as http://127.0.0.1:8000/v1").max(2048),
  model: z.string().trim().min(1, "the model name the server expects").max(200),
};

export const apiKeyInput = z.string().trim().max(4096);
