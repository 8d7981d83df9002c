/**
 * @module test/support/pyjwt
 * PyJWT (Debian's python3-jwt) as a real, independent validator: `PyJWKClient`
 * fetches our JWKS over HTTP and `jwt.decode` checks signature, issuer and
 * audience as a Python resource server would. Absent PyJWT, callers skip.
 */
import { spawn, spawnSync } from 'node:child_process';

const SCRIPT = `
import json, sys, jwt
args = json.loads(sys.stdin.read())
try:
    key = jwt.PyJWKClient(args["jwks"]).get_signing_key_from_jwt(args["token"])
    claims = jwt.decode(args["token"], key.key, algorithms=[args["alg"]], issuer=args["issuer"], audience=args["audience"])
    print(json.dumps({"ok": True, "claims": claims}))
except Exception as error:
    print(json.dumps({"ok": False, "error": type(error).__name__, "message": str(error)}))
`;

/** The first python3 that can import jwt (Debian's lives at /usr/bin/python3). */
export function pyJwtPython(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import jwt, cryptography'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return undefined;
}

export interface PyJwtResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly message?: string;
  readonly claims?: Record<string, unknown>;
}

export interface PyJwtCheck {
  readonly jwks: string;
  readonly token: string;
  readonly alg: string;
  readonly issuer: string;
  readonly audience: string;
}

/** Runs PyJWT in a child process (async, so the server in this process keeps answering). */
export function pyJwtDecode(python: string, check: PyJwtCheck): Promise<PyJwtResult> {
  return new Promise((settle, fail) => {
    const child = spawn(python, ['-c', SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`python exited ${String(code)}: ${err}`));
      settle(JSON.parse(out) as PyJwtResult);
    });
    child.stdin.end(JSON.stringify(check));
  });
}
