// One typed settings module, shared by client and server (vscode-eslint style).
// Adding a setting: declare it in package.json `contributes.configuration`, add it here with its
// default, read it where it is used through `readSettings`.

export interface CsrSettings {
  /** `current`: today's CA practice (RSA >= 2048 or EC P-256/P-384, SHA-256+). `document`: the Comodo document v1.11 (RSA 512-1024, MD5/SHA-1). */
  keyPolicy: 'current' | 'document';
}

export interface OrderSettings {
  csr: CsrSettings;
}

export const defaultSettings: OrderSettings = {
  csr: { keyPolicy: 'current' },
};
