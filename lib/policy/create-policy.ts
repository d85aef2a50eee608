import type { PolicyConfig, SamplingConfig } from "../config/run-config";
import type { ChatClientOptions } from "./chat-completions-policy";
import { createModelPolicy } from "./model-policy";
import type { Policy } from "./types";

export type DemoPolicyConfig = Extract<PolicyConfig, { kind: "demo" }>;

export interface CreatePolicyDeps {
  /** builds the demo policy; injected so this module does not depend on the dataset access it needs */
  createDemoPolicy: (config: DemoPolicyConfig) => Policy;
  /** client knobs for model policies, including `apiKey` decrypted from the endpoint's stored secret */
  clientOptions?: ChatClientOptions;
}

export function createPolicy(policyConfig: PolicyConfig, sampling: SamplingConfig, deps: CreatePolicyDeps): Policy {
  switch (policyConfig.kind) {
    case "demo":
      return deps.createDemoPolicy(policyConfig);
    case "openai":
    case "trainer":
      return createModelPolicy(policyConfig, sampling, deps.clientOptions);
  }
}
