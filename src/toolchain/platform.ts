/** Terraform's `<os>_<arch>` name for this machine (linux_amd64, darwin_arm64, ...). */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const osName = platform === 'win32' ? 'windows' : platform;
  const archName = ({ x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' } as Record<string, string>)[arch] ?? arch;
  return `${osName}_${archName}`;
}
