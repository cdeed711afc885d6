// The submission protocol: pure functions and types (no vscode, no network, no disk).
export * from './types';
export * from './order';
export * from './endpoint';
export * from './credentials';
export * from './redact';
export * from './build';
export * from './parse';
export * from './locate';
export * from './summary';
export * from './record';
export * from './guards';
export * from './csrFacts';
export * from './csrFile';
export * from './endpointIdentity';
export * from './endpointQuestion';
export * from './dcvAnswer';
