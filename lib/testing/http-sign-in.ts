/**
 * Sign in over plain HTTP, as a browser without JavaScript does: read the login form's hidden
 * fields (React's progressive-enhancement action fields), post them back with the credentials as
 * multipart form data. Used by the HTTP tests (e2e/security-http.spec.ts) and bench/sign-in-flood.ts.
 */
export interface HttpSignInResult {
  status: number;
  /** the rlef_session cookie ("rlef_session=…"), when signing in worked */
  cookie: string | null;
  location: string | null;
  body: string;
}

const HIDDEN_INPUT = /<input[^>]*type="hidden"[^>]*>/g;

function attribute(tag: string, name: string): string | null {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m
    ? m[1]
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&#x27;/g, "'")
    : null;
}

/** The login form's hidden fields (read once per base URL; they name the deployed action). */
export async function loginFormFields(baseUrl: string): Promise<[string, string][]> {
  const html = await (await fetch(`${baseUrl}/login`)).text();
  const form = html.slice(html.indexOf('data-testid="login-form"') - 400);
  const fields: [string, string][] = [];
  for (const tag of form.slice(0, form.indexOf("</form>")).match(HIDDEN_INPUT) ?? []) {
    const name = attribute(tag, "name");
    if (name && name !== "next") fields.push([name, attribute(tag, "value") ?? ""]);
  }
  if (!fields.some(([n]) => n.startsWith("$ACTION"))) throw new Error(`no server-action fields in ${baseUrl}/login`);
  return fields;
}

export async function httpSignIn(
  baseUrl: string,
  email: string,
  password: string,
  opts: { next?: string; fields?: [string, string][]; headers?: Record<string, string> } = {},
): Promise<HttpSignInResult> {
  const form = new FormData();
  for (const [name, value] of opts.fields ?? (await loginFormFields(baseUrl))) form.append(name, value);
  form.append("next", opts.next ?? "");
  form.append("email", email);
  form.append("password", password);
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { origin: baseUrl, ...opts.headers },
  });
  const cookie =
    response.headers
      .getSetCookie()
      .find((c) => c.startsWith("rlef_session="))
      ?.split(";")[0] ?? null;
  return {
    status: response.status,
    cookie: cookie && cookie !== "rlef_session=" ? cookie : null,
    location: response.headers.get("location"),
    body: await response.text(),
  };
}
