import { describe, expect, it } from 'vitest';
import { compareVersions, extractVersion, isAtLeast } from '../../src/toolchain/version.ts';
import { terraformPlatform } from '../../src/toolchain/platform.ts';

describe('version helpers', () => {
  it('pulls the version out of real tool banners', () => {
    expect(extractVersion('iptables v1.8.9 (nf_tables)')).toBe('1.8.9');
    expect(extractVersion('ip utility, iproute2-6.1.0, libbpf 1.1.2')).toBe('6.1.0');
    expect(extractVersion('TShark (Wireshark) 4.0.17 (Git v4.0.17 packaged as 4.0.17-0+deb12u3).')).toBe('4.0.17');
    expect(extractVersion('no digits here')).toBeUndefined();
  });

  it('compares numerically, not as text', () => {
    expect(compareVersions('1.10.0', '1.9.8')).toBe(1);
    expect(compareVersions('1.6', '1.6.0')).toBe(0);
    expect(isAtLeast('1.10.0-rc1', '1.10.0')).toBe(true);
    expect(isAtLeast('1.5.7', '1.6.0')).toBe(false);
  });

  it('names platforms the way Terraform does', () => {
    expect(terraformPlatform('linux', 'x64')).toBe('linux_amd64');
    expect(terraformPlatform('darwin', 'arm64')).toBe('darwin_arm64');
    expect(terraformPlatform('win32', 'ia32')).toBe('windows_386');
  });
});
