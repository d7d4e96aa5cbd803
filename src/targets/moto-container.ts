import type { ContainerEmulatorSpec } from './container-emulator.ts';

/** moto's published image; where no registry answers, build one here with scripts/build-emulator-image.sh. */
export const MOTO_CONTAINER_DEFAULT_IMAGE = 'motoserver/moto';

/** moto in a container: the same emulator as the default target, isolated in the container engine. */
export function motoContainerSpec(image: string | undefined): ContainerEmulatorSpec {
  return {
    emulator: 'moto',
    image: image ?? MOTO_CONTAINER_DEFAULT_IMAGE,
    containerPort: 5000,
    healthPath: '/moto-api/',
    environment: { MOTO_ALLOW_NONEXISTENT_REGION: 'false' },
  };
}
