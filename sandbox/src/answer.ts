// What a handler answers, before any fault changes it.
export interface SandboxAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface SandboxRequest {
  method: string;
  contentType: string;
  body: string;
}
