/** SDK v3 client settings for a target: the emulator's endpoint and dummy credentials, or the defaults for AWS. */
export interface SdkTarget {
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export function sdkConfig(t: SdkTarget) {
  return {
    region: t.region,
    ...(t.endpoint ? { endpoint: t.endpoint, forcePathStyle: true } : {}),
    ...(t.credentials ? { credentials: t.credentials } : {}),
    maxAttempts: 3,
  };
}
