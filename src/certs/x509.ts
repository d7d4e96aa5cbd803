// @peculiar/x509 resolves its ASN.1 schemas through tsyringe, which needs the reflect polyfill loaded first, and it
// signs with WebCrypto, which Node provides. Import x509 from here, never from '@peculiar/x509' directly.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
