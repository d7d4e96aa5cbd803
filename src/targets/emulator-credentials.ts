/**
 * Emulators (moto, LocalStack) accept any credentials; these fixed dummies keep the user's real AWS credentials
 * out of every emulator run. They are not secrets.
 */
export const emulatorCredentials = { accessKeyId: 'journal-lab', secretAccessKey: 'journal-lab-emulator' } as const;
